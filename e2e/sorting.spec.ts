import { expect, test, TALL_VIEWPORT } from './fixtures';

test.use({ viewport: TALL_VIEWPORT });

test.describe('Sorting', () => {
  test('Riley sorts all numbers by number, one way and then the other', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const firstPage = async (sort: string) =>
      (await api.phoneNumbers({ sort, size: 25 })).pages[0]!.map((number) => number.shown);
    await phoneNumbersPage.goto('?size=25');
    const numbersShown = phoneNumbersPage.shownNumbers();
    await expect(phoneNumbersPage.columnHeader('Updated')).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(numbersShown).toHaveText(await firstPage('-updatedAt'));

    await phoneNumbersPage.sortBy('Number');

    await expect(page).toHaveURL(/\/phone-numbers\?sort=number&size=25$/);
    await expect(phoneNumbersPage.columnHeader('Number')).toHaveAttribute('aria-sort', 'ascending');
    await expect(phoneNumbersPage.columnHeader('Updated')).toHaveAttribute('aria-sort', 'none');
    await expect(numbersShown).toHaveText(await firstPage('number'));

    await phoneNumbersPage.sortBy('Number');

    await expect(page).toHaveURL(/\/phone-numbers\?sort=-number&size=25$/);
    await expect(phoneNumbersPage.columnHeader('Number')).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(numbersShown).toHaveText(await firstPage('-number'));
  });

  test('the headers of columns the server cannot sort by do not sort', async ({
    page,
    phoneNumbersPage,
  }) => {
    await phoneNumbersPage.goto('?size=25');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();

    for (const column of ['Extension', 'Country', 'Prospect'] as const) {
      const header = phoneNumbersPage.columnHeader(column);
      await header.hover();
      // Hovering shows the column's menu button, and a sortable column's "Sort" button next to it.
      await expect(header.getByRole('button', { name: `${column} column menu` })).toBeVisible();
      await expect(header.getByRole('button', { name: /^Sort / })).toHaveCount(0);
      await header.click();
    }
    await phoneNumbersPage.sortBy('Type');
    await expect(page).toHaveURL(/\/phone-numbers\?sort=phoneType&size=25$/);

    // The clicks before left no view of their own in the history: back is the page as it was.
    await page.goBack();

    await expect(page).toHaveURL(/\/phone-numbers\?size=25$/);
    await expect(phoneNumbersPage.columnHeader('Updated')).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });
});
