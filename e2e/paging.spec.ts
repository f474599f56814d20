import { expect, test, TALL_VIEWPORT } from './fixtures';

test.use({ viewport: TALL_VIEWPORT });

test.describe('Paging', () => {
  test('Riley pages through all numbers 25 at a time, forward and back', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const { count, pages } = await api.phoneNumbers({ sort: '-updatedAt', size: 25 });
    const shown = (index: number) => pages[index]!.map((number) => number.shown);
    expect(pages.length, 'at least three pages of 25').toBeGreaterThanOrEqual(3);
    await expect(phoneNumbersPage.pages).toContainText(`1–50 of ${count}`);
    const numbersShown = phoneNumbersPage.shownNumbers();

    await phoneNumbersPage.setPageSize(25);

    await expect(page).toHaveURL(/\/phone-numbers\?size=25$/);
    await expect(phoneNumbersPage.pages).toContainText(`1–25 of ${count}`);
    await expect(numbersShown).toHaveText(shown(0));
    await expect(phoneNumbersPage.previousPageButton).toBeDisabled();

    await phoneNumbersPage.nextPageButton.click();

    await expect(page).toHaveURL(/\/phone-numbers\?size=25&page=2&after=[^&]+$/);
    await expect(phoneNumbersPage.pages).toContainText(`26–50 of ${count}`);
    await expect(numbersShown).toHaveText(shown(1));

    await phoneNumbersPage.nextPageButton.click();

    await expect(page).toHaveURL(/\/phone-numbers\?size=25&page=3&after=[^&]+$/);
    await expect(phoneNumbersPage.pages).toContainText(`51–75 of ${count}`);
    await expect(numbersShown).toHaveText(shown(2));

    await phoneNumbersPage.previousPageButton.click();

    await expect(page).toHaveURL(/\/phone-numbers\?size=25&page=2&before=[^&]+$/);
    await expect(phoneNumbersPage.pages).toContainText(`26–50 of ${count}`);
    await expect(numbersShown).toHaveText(shown(1));

    await phoneNumbersPage.previousPageButton.click();

    await expect(page).toHaveURL(/\/phone-numbers\?size=25$/);
    await expect(phoneNumbersPage.pages).toContainText(`1–25 of ${count}`);
    await expect(numbersShown).toHaveText(shown(0));
    await expect(phoneNumbersPage.previousPageButton).toBeDisabled();
  });

  test('the last page has no next page, and another page size starts from the first', async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const { count, pages } = await api.phoneNumbers({ sort: '-updatedAt', size: 100 });
    expect(pages, 'two pages of 100').toHaveLength(2);
    await phoneNumbersPage.goto('?size=100');
    await expect(phoneNumbersPage.pages).toContainText(`1–100 of ${count}`);

    await phoneNumbersPage.nextPageButton.click();

    await expect(phoneNumbersPage.pages).toContainText(`101–${count} of ${count}`);
    await expect(phoneNumbersPage.row(pages[1]![0]!.shown)).toBeVisible();
    await expect(phoneNumbersPage.nextPageButton).toBeDisabled();
    await expect(phoneNumbersPage.previousPageButton).toBeEnabled();

    await phoneNumbersPage.setPageSize(25);

    await expect(page).toHaveURL(/\/phone-numbers\?size=25$/);
    await expect(phoneNumbersPage.pages).toContainText(`1–25 of ${count}`);
    await expect(phoneNumbersPage.previousPageButton).toBeDisabled();
  });
});
