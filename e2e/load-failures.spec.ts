import { answerWithError, isPhoneNumberList } from './faults';
import { expect, test } from './fixtures';

test.describe('When loading goes wrong', () => {
  test("a failed load shows the server's message in place, and Retry loads the numbers", async ({
    page,
    phoneNumbersPage,
    api,
  }) => {
    const [numbers] = (await api.phoneNumbers({ prospect: 1, sort: 'order' })).pages;
    await answerWithError(page, isPhoneNumberList, 500, {
      id: 'internalServerError',
      title: 'Internal Server Error',
      detail: 'The phone numbers could not be read.',
    });

    await phoneNumbersPage.chooseProspect('Olivia García');

    await expect(phoneNumbersPage.loadError).toContainText('The phone numbers could not be read.');
    await expect(phoneNumbersPage.grid).toBeHidden();

    await page.unroute(isPhoneNumberList);
    await phoneNumbersPage.retryButton.click();

    await expect(phoneNumbersPage.shownNumbers()).toHaveText(
      numbers!.map((number) => number.shown),
    );
    await expect(phoneNumbersPage.loadError).toBeHidden();
  });

  test('a token without the phone numbers scope is explained in words', async ({
    page,
    phoneNumbersPage,
  }) => {
    await answerWithError(page, isPhoneNumberList, 403, {
      id: 'unauthorizedOauthScope',
      title: 'Unauthorized OAuth Scope',
      detail:
        'This request needs the phoneNumbers.read scope, which the access token was not granted.',
    });

    await phoneNumbersPage.chooseProspect('Olivia García');

    await expect(phoneNumbersPage.loadError).toContainText(
      "Your sign-in doesn't include permission to read phone numbers. Sign out, then sign in again and allow access to phone numbers.",
    );
    await expect(phoneNumbersPage.grid).toBeHidden();
  });

  test('numbers the user may not see are explained in words', async ({
    page,
    phoneNumbersPage,
  }) => {
    await answerWithError(page, isPhoneNumberList, 403, {
      id: 'unauthorizedRequest',
      title: 'Unauthorized Request',
      detail: 'You may not read these phone numbers.',
    });

    await phoneNumbersPage.chooseProspect('Olivia García');

    await expect(phoneNumbersPage.loadError).toContainText(
      "You're not allowed to see these phone numbers. Ask an administrator if you need them.",
    );
    await expect(phoneNumbersPage.grid).toBeHidden();
  });

  test('going offline is noticed, and the numbers catch up when the connection is back', async ({
    context,
    phoneNumbersPage,
    api,
  }) => {
    const mobile = await api.phoneNumbers({ types: ['mobile'], sort: '-updatedAt' });
    const firstRow = phoneNumbersPage.rows.first();
    await expect(firstRow).toBeVisible();

    await context.setOffline(true);

    await expect(phoneNumbersPage.offlineNotice).toContainText(
      "You're offline. The phone numbers shown are the ones loaded last",
    );
    await expect(firstRow).toBeVisible();

    await phoneNumbersPage.filterByType('Mobile');
    await expect(phoneNumbersPage.grid).toHaveAttribute('aria-busy', 'true');
    await context.setOffline(false);

    await expect(phoneNumbersPage.offlineNotice).toBeHidden();
    await expect(phoneNumbersPage.pages).toContainText(
      `1–${mobile.pages[0]!.length} of ${mobile.count}`,
    );
    await expect(phoneNumbersPage.row(mobile.pages[0]![0]!.shown)).toBeVisible();
    await expect(phoneNumbersPage.cells('Type').filter({ hasNotText: 'Mobile' })).toHaveCount(0);
    await expect(phoneNumbersPage.loadError).toBeHidden();
  });
});
