import { expect, test, TALL_VIEWPORT } from './fixtures';

test.use({ viewport: TALL_VIEWPORT });

test.describe('The view in the address', () => {
  test('reload, back and forward bring back exactly the view: prospect, sort, filters and page', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    // Eleven views, two reloads and four history steps: longer than the usual 30 s on a busy machine.
    test.slow();
    const verified = await api.phoneNumbers({ sort: '-number', statuses: ['verified'], size: 25 });
    const [oliviasVerified] = (
      await api.phoneNumbers({ prospect: 1, sort: '-number', statuses: ['verified'], size: 25 })
    ).pages;
    const shown = (index: number) => verified.pages[index]!.map((number) => number.shown);
    expect(verified.pages.length, 'at least two pages of verified numbers').toBeGreaterThan(1);
    const numbersShown = phoneNumbersPage.shownNumbers();
    const number = phoneNumbersPage.columnHeader('Number');

    // All verified numbers, by number from the last, 25 a page, second page.
    await phoneNumbersPage.filterByStatus('Verified');
    await phoneNumbersPage.sortBy('Number');
    await expect(number).toHaveAttribute('aria-sort', 'ascending');
    await phoneNumbersPage.sortBy('Number');
    await expect(number).toHaveAttribute('aria-sort', 'descending');
    await phoneNumbersPage.setPageSize(25);
    await expect(numbersShown).toHaveText(shown(0));
    await phoneNumbersPage.nextPageButton.click();
    await expect(numbersShown).toHaveText(shown(1));
    const secondPage = page.url();

    await page.reload();

    await expect(page).toHaveURL(secondPage);
    await expect(numbersShown).toHaveText(shown(1));
    await expect(phoneNumbersPage.pages).toContainText(`26–50 of ${verified.count}`);
    await expect(number).toHaveAttribute('aria-sort', 'descending');
    await expect(phoneNumbersPage.chosenFilter('Verified')).toBeVisible();
    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('');

    // Olivia's verified numbers, in the same order.
    await phoneNumbersPage.chooseProspect('Olivia García');
    await expect(page).toHaveURL(
      /\/phone-numbers\?prospect=1&sort=-number&status=verified&size=25$/,
    );
    await expect(numbersShown).toHaveText(oliviasVerified!.map((each) => each.shown));

    await page.reload();

    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('Olivia García · Acme Corporation');
    await expect(numbersShown).toHaveText(oliviasVerified!.map((each) => each.shown));
    await expect(number).toHaveAttribute('aria-sort', 'descending');
    await expect(phoneNumbersPage.chosenFilter('Verified')).toBeVisible();

    await page.goBack();

    await expect(page).toHaveURL(secondPage);
    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('');
    await expect(numbersShown).toHaveText(shown(1));
    await expect(phoneNumbersPage.pages).toContainText(`26–50 of ${verified.count}`);

    await page.goBack();

    await expect(page).toHaveURL(/\/phone-numbers\?sort=-number&status=verified&size=25$/);
    await expect(numbersShown).toHaveText(shown(0));
    await expect(phoneNumbersPage.pages).toContainText(`1–25 of ${verified.count}`);

    await page.goForward();

    await expect(page).toHaveURL(secondPage);
    await expect(numbersShown).toHaveText(shown(1));

    await page.goForward();

    await expect(page).toHaveURL(
      /\/phone-numbers\?prospect=1&sort=-number&status=verified&size=25$/,
    );
    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('Olivia García · Acme Corporation');
    await expect(numbersShown).toHaveText(oliviasVerified!.map((each) => each.shown));
  });

  test('bad parameters fall back to a sane view, and back skips the bad address', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const mobile = await api.phoneNumbers({ types: ['mobile'], sort: '-updatedAt' });
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    // A type the app does not know is kept (Outreach's are free strings, decision 0047); one no API
    // would take, longer than any attribute may be, is not.
    await phoneNumbersPage.goto(
      `?prospect=abc&sort=rawNumber&size=7&type=${'x'.repeat(300)},mobile&page=9`,
    );

    await expect(page).toHaveURL(/\/phone-numbers\?type=mobile$/);
    await expect(phoneNumbersPage.chosenFilter('Mobile')).toBeVisible();
    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('');
    await expect(phoneNumbersPage.columnHeader('Updated')).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(phoneNumbersPage.pages).toContainText(
      `1–${mobile.pages[0]!.length} of ${mobile.count}`,
    );
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.goBack();

    await expect(page).toHaveURL(/\/phone-numbers$/);
  });

  test('a prospect that does not exist, or a stale page cursor, shows the first page', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const all = await api.phoneNumbers({ sort: '-updatedAt' });
    const byNumber = await api.phoneNumbers({ sort: 'number' });

    await phoneNumbersPage.goto('?prospect=999999');

    await expect(page).toHaveURL(/\/phone-numbers$/);
    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('');
    await expect(phoneNumbersPage.columnHeader('Prospect')).toBeVisible();
    await expect(phoneNumbersPage.pages).toContainText(`1–50 of ${all.count}`);
    await expect(phoneNumbersPage.row(all.pages[0]![0]!.shown)).toBeVisible();

    await phoneNumbersPage.goto('?sort=number&page=4&after=not-a-cursor');

    await expect(page).toHaveURL(/\/phone-numbers\?sort=number$/);
    await expect(phoneNumbersPage.pages).toContainText(`1–50 of ${byNumber.count}`);
    await expect(phoneNumbersPage.row(byNumber.pages[0]![0]!.shown)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
