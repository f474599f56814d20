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

  for (const user of ['Riley Rep', 'Ada Admin'] as const) {
    test(`as ${user}, the numbers do not move when the prospect's details arrive after them`, async ({
      page,
      signInPage,
    }) => {
      const prospectPage = new ProspectPage(page);
      await prospectPage.goto(1);
      await signInPage.signInAs(user);
      // The details (the profile, the one request for the time zone) held back until the numbers show.
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(
        (url) =>
          /^\/api\/v2\/prospects\/1$/.test(url.pathname) && url.search.includes('timeZoneIana'),
        async (route) => {
          await released;
          await route.continue();
        },
      );
      await page.reload();
      const firstNumber = prospectPage.panel.shownNumbers().first();
      await expect(firstNumber).toBeVisible();
      await expect(prospectPage.heading).toHaveCount(0);
      const before = await firstNumber.boundingBox();

      release();
      await expect(prospectPage.heading).toBeVisible();
      await expect(prospectPage.detail('Owner')).toBeVisible();

      expect(await firstNumber.boundingBox()).toEqual(before);
      const shifted = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              resolve(
                list
                  .getEntries()
                  .reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0),
              );
            }).observe({ type: 'layout-shift', buffered: true });
            // No shift at all: no entry, and the observer is never called.
            setTimeout(() => {
              resolve(0);
            }, 1_000);
          }),
      );
      expect(shifted).toBeLessThanOrEqual(0.05);
    });
  }

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
