import { expect, test } from './fixtures';
import { ProspectPage } from './pages/prospect-page';

const CALLS: Record<string, string> = { opted_in: 'Opted in', opted_out: 'Opted out' };
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe("A prospect's page", () => {
  test("Riley opens Olivia García's page: who she is, when to call her, and her numbers", async ({
    page,
    signInPage,
    demoUser,
    api,
  }) => {
    const prospect = await api.prospect(1);
    const numbers = await api.numbersOf(1);
    const prospectPage = new ProspectPage(page);

    await prospectPage.goto(1);
    await signInPage.signInAs(demoUser);

    await expect(page).toHaveURL(/\/prospects\/1$/);
    await expect(prospectPage.heading).toHaveText(prospect.name);
    await expect(prospectPage.detail('Company')).toHaveText(prospect.company ?? 'Not set');
    await expect(prospectPage.detail('Title')).toHaveText(prospect.title ?? 'Not set');
    await expect(prospectPage.detail('Owner')).toHaveText(prospect.ownerName);
    // The time there now, in the browser's locale, with the zone: "Thu, 2:00 PM GMT+2 (Europe/Madrid)".
    await expect(prospectPage.detail('Local time')).toHaveText(
      new RegExp(`^\\w{3}, \\d{1,2}:\\d{2} [AP]M .+ \\(${escapeRegExp(prospect.timeZone!)}\\)$`),
    );
    await expect(prospectPage.detail('Calls')).toHaveText(
      prospect.callsOptStatus === null
        ? 'Neither opted in nor out'
        : CALLS[prospect.callsOptStatus]!,
    );
    await expect(prospectPage.panel.shownNumbers()).toHaveText(
      numbers.map((number) => number.shown),
    );
    await expect(prospectPage.panel.addButton).toBeVisible();
    await expect(signInPage.signedInUser).toHaveText(`Signed in as ${demoUser}`);
  });

  test('an address for a prospect that does not exist says so, with a way back', async ({
    page,
    phoneNumbersPage,
  }) => {
    const prospectPage = new ProspectPage(page);

    await prospectPage.goto(999_999);

    await expect(prospectPage.notFoundHeading).toBeVisible();
    await expect(prospectPage.panel.grid).toHaveCount(0);

    await prospectPage.backToPhoneNumbers.click();

    await expect(page).toHaveURL(/\/phone-numbers$/);
    await expect(phoneNumbersPage.heading).toBeVisible();
  });
});
