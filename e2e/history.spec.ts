import { expect, test } from './fixtures';
import { ProspectPage } from './pages/prospect-page';
import { answer } from './requests';

test.describe("A prospect's history", () => {
  test.describe('Ada Admin', () => {
    test.use({ demoUser: 'Ada Admin' });

    test("she marks a number of Riley's prospect verified, then reads in its History who added it and what she changed", async ({
      page,
      signInPage,
      demoUser,
      addNumber,
      newProspect,
    }) => {
      const prospect = await newProspect('Riley Rep');
      // Added through the API with the dev-admin token: by Ada, too.
      const added = await addNumber(prospect.id, { phoneType: 'mobile' });
      const prospectPage = new ProspectPage(page);

      await prospectPage.goto(prospect.id);
      await signInPage.signInAs(demoUser);

      await expect(prospectPage.heading).toHaveText(prospect.name);
      await expect(prospectPage.panel.cell(added.shown, 'Status')).toHaveText('Unverified');
      const saved = answer(page, 'PATCH', added.id);
      await prospectPage.panel.chooseInCell(added.shown, 'Status', 'Verified');
      expect((await saved).status()).toBe(200);

      await prospectPage.showHistoryButton.click();

      await expect(prospectPage.historyEntries).toHaveCount(2);
      await expect(prospectPage.historyEntries.nth(0)).toContainText(
        `Changed Status: Unverified → Verified (${added.shown})`,
      );
      await expect(prospectPage.historyEntries.nth(0)).toContainText('Ada Admin');
      await expect(prospectPage.historyEntries.nth(1)).toContainText(
        `Added ${added.shown} (Mobile)`,
      );
    });
  });

  test.describe('Riley Rep', () => {
    test.use({ demoUser: 'Riley Rep' });

    test('she is shown no History on her own prospect’s page', async ({
      page,
      signInPage,
      demoUser,
      addNumber,
      newProspect,
    }) => {
      const prospect = await newProspect();
      const added = await addNumber(prospect.id);
      const prospectPage = new ProspectPage(page);

      await prospectPage.goto(prospect.id);
      await signInPage.signInAs(demoUser);

      await expect(prospectPage.heading).toHaveText(prospect.name);
      await expect(prospectPage.panel.numberLink(added.shown)).toBeVisible();
      await expect(prospectPage.history).toHaveCount(0);
    });
  });
});
