import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { answer } from './requests';

test.use({ demoUser: 'Ada Admin' });

/** Each rep's: Ada may change the numbers of the prospects of both. */
const OWNERS = ['Riley Rep', 'Sam Rep'] as const;

test.describe('Ada Admin changes any prospect’s numbers', () => {
  for (const owner of OWNERS) {
    test(`she adds a number to a prospect of ${owner}'s, marks it verified in place, and deletes it`, async ({
      page,
      phoneNumbersPage,
      addDialog,
      api,
      newNumber,
      newProspect,
    }) => {
      const prospect = await newProspect(owner);
      const number = await newNumber();
      const shown = shownAs(number);

      await phoneNumbersPage.chooseProspect(prospect.name);
      await expect(phoneNumbersPage.addButton).toBeEnabled();
      await phoneNumbersPage.addButton.click();
      await addDialog.fill({ number: shown, type: 'Mobile' });
      await addDialog.save();

      await expect(addDialog.dialog).toBeHidden();
      await expect(phoneNumbersPage.snackbar).toContainText('Phone number added');
      await expect(phoneNumbersPage.cell(shown, 'Type')).toHaveText('Mobile');
      await expect(phoneNumbersPage.cell(shown, 'Country')).toHaveText('United Kingdom (GB)');
      const added = (await api.numbersOf(prospect.id)).find((each) => each.number === number);
      expect(added).toMatchObject({ phoneType: 'mobile', countryCode: 'GB', status: 'unverified' });

      const saved = answer(page, 'PATCH', added!.id);
      await phoneNumbersPage.chooseInCell(shown, 'Status', 'Verified');
      await expect(phoneNumbersPage.cell(shown, 'Status')).toHaveText('Verified');
      expect((await saved).status()).toBe(200);
      expect(await api.phoneNumber(added!.id)).toMatchObject({ status: 'verified' });

      const deleted = answer(page, 'DELETE', added!.id);
      await phoneNumbersPage.delete(shown);
      await expect(phoneNumbersPage.row(shown)).toBeHidden();
      expect((await deleted).status()).toBe(204);
      expect(await api.phoneNumber(added!.id)).toBeUndefined();
    });
  }
});
