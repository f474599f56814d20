import { expect, test } from './fixtures';
import type { PhoneNumbersPage, RowAction } from './pages/phone-numbers-page';

test.use({ demoUser: 'Val Viewer' });

// Val is told who can act instead of her.
const NO_WRITE = "Viewers can't change phone numbers; an admin or the prospect's owner can";
const NO_DELETE = "Viewers can't delete phone numbers; an admin or the prospect's owner can";

const REFUSALS: [RowAction, string][] = [
  ['Edit', NO_WRITE],
  ['Delete', NO_DELETE],
  ['Make primary', NO_WRITE],
  ['Move up', NO_WRITE],
  ['Move down', NO_WRITE],
];

/** Every action of every row in view is disabled, and says why: Val may change nothing. */
async function expectEveryActionRefused(phoneNumbersPage: PhoneNumbersPage) {
  const rows = await phoneNumbersPage.rows.count();
  expect(rows).toBeGreaterThan(0);
  for (const [action, reason] of REFUSALS) {
    const buttons = phoneNumbersPage.actionsOfEveryRow(action);
    await expect(buttons).toHaveCount(rows);
    for (let row = 0; row < rows; row++) {
      await expect(buttons.nth(row)).toBeDisabled();
      await expect(buttons.nth(row)).toHaveAccessibleDescription(reason);
    }
  }
}

test.describe('Val Viewer reads every number and may change none', () => {
  test("on Riley's prospect, Add, every action and every cell are refused, and say why", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const rileysProspect = await newProspect('Riley Rep');
    await addNumber(rileysProspect.id, { phoneType: 'mobile', status: 'verified' });
    await addNumber(rileysProspect.id, { phoneType: 'work', extension: '31' });
    const numbers = await api.numbersOf(rileysProspect.id);
    const { shown } = numbers[0]!;

    await phoneNumbersPage.chooseProspect(rileysProspect.name);

    await expect(phoneNumbersPage.shownNumbers()).toHaveText(numbers.map((each) => each.shown));
    await expect(phoneNumbersPage.addButton).toBeDisabled();
    await expect(phoneNumbersPage.addButton).toHaveAccessibleDescription(NO_WRITE);
    await expectEveryActionRefused(phoneNumbersPage);
    for (const column of ['Number', 'Type', 'Extension', 'Country', 'Status'] as const) {
      await phoneNumbersPage.startEditing(shown, column);
      await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
    }
    await page.keyboard.press('Enter');
    await expect(phoneNumbersPage.cellEditor).toHaveCount(0);

    await phoneNumbersPage.addButton.hover();
    await expect(page.getByRole('tooltip')).toHaveText(NO_WRITE);
  });

  test('across prospects, Add asks for a prospect and every action says why it is refused', async ({
    phoneNumbersPage,
  }) => {
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await expect(phoneNumbersPage.addButton).toBeDisabled();
    await expect(phoneNumbersPage.addButton).toHaveAccessibleDescription(
      'Choose a prospect to add a phone number to',
    );
    await expectEveryActionRefused(phoneNumbersPage);
  });
});
