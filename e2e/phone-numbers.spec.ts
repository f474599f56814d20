import { expect, test } from './fixtures';
import { PhoneNumbersPage } from './pages/phone-numbers-page';

test.describe('Phone numbers', () => {
  test('Riley sees all numbers, chooses a prospect, and a reload keeps the view', async ({
    page,
    phoneNumbersPage,
  }) => {
    await expect(phoneNumbersPage.heading).toBeVisible();
    await expect(phoneNumbersPage.pages).toContainText(/1–50 of \d+/);
    await expect(
      phoneNumbersPage.grid.getByRole('columnheader', { name: 'Prospect' }),
    ).toBeVisible();

    await phoneNumbersPage.chooseProspect('Olivia García');

    await expect(page).toHaveURL(/\/phone-numbers\?prospect=1$/);
    await expect(phoneNumbersPage.pages).toContainText('1–6 of 6');
    await expect(phoneNumbersPage.row('+1 303 555 0141')).toBeVisible();
    await expect(
      phoneNumbersPage.grid.getByRole('columnheader', { name: 'Prospect' }),
    ).toBeHidden();

    await page.reload();

    await expect(phoneNumbersPage.prospectCombobox).toHaveValue('Olivia García · Acme Corporation');
    await expect(phoneNumbersPage.row('+1 303 555 0141')).toBeVisible();
  });

  test('a failed load shows the error in place, and Retry loads the numbers', async ({
    page,
    signInPage,
  }) => {
    await page.route('**/api/v2/phoneNumbers?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/vnd.api+json',
        json: {
          errors: [
            {
              id: 'internalServerError',
              title: 'Internal Server Error',
              detail: 'The phone numbers could not be read.',
              status: '500',
            },
          ],
        },
      }),
    );
    const phoneNumbersPage = new PhoneNumbersPage(page);
    await signInPage.goto('/phone-numbers?prospect=1');
    await signInPage.signInAs('Riley Rep');

    await expect(phoneNumbersPage.loadError).toContainText('The phone numbers could not be read.');
    await expect(phoneNumbersPage.grid).toBeHidden();

    await page.unrouteAll();
    await phoneNumbersPage.retryButton.click();

    await expect(phoneNumbersPage.row('+1 303 555 0141')).toBeVisible();
    await expect(phoneNumbersPage.loadError).toBeHidden();
  });
});
