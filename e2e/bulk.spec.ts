import { axeViolations } from './axe';
import { answerWithError, isPhoneNumber } from './faults';
import { expect, TALL_VIEWPORT, test } from './fixtures';
import { BulkActions } from './pages/bulk-actions';
import { recordWrites } from './requests';

// Riley Rep is the fixtures' default user. axe is injected as an inline script, which the pages'
// Content-Security-Policy would refuse.
test.use({ viewport: TALL_VIEWPORT, bypassCSP: true });

const NO_WRITE = 'Sam Rep owns this prospect; only they or an admin can change its phone numbers';
const NO_LONGER = "You no longer have permission to change this prospect's phone numbers.";

test.describe('Select and act in bulk', () => {
  // Each adds prospects' numbers, then writes and reads them back, on a machine that may be busy; the
  // delete also waits out the undo window.
  test.beforeEach(() => {
    test.slow();
  });

  test('Riley changes the status of her numbers across prospects; Sam’s is not hers to select', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const [first, second, sams] = [
      await newProspect(),
      await newProspect(),
      await newProspect('Sam Rep'),
    ];
    const mine = [
      await addNumber(first.id, { phoneType: 'mobile' }),
      await addNumber(second.id, { phoneType: 'home', extension: '12' }),
    ];
    const samsNumber = await addNumber(sams.id, { phoneType: 'work' });
    const bulk = new BulkActions(page);

    // Every number, latest change first: the ones just added are at the top.
    await phoneNumbersPage.goto();
    const [one, two] = mine;
    const samsCheckbox = bulk.checkbox(samsNumber.shown);
    await expect(samsCheckbox).toBeDisabled();
    await expect(samsCheckbox).toHaveAccessibleDescription(NO_WRITE);

    await bulk.select(one!.shown, two!.shown);
    await expect(bulk.bar).toContainText('2 selected');
    expect(await axeViolations(page)).toEqual([]);
    await bulk.changeStatus('Verified');

    await expect(phoneNumbersPage.snackbar).toContainText(
      'Status of 2 phone numbers changed to Verified',
    );
    await expect(phoneNumbersPage.cell(one!.shown, 'Status')).toHaveText('Verified');
    await expect(phoneNumbersPage.cell(two!.shown, 'Status')).toHaveText('Verified');
    // Only the status changed, and only of the numbers selected.
    expect(await api.phoneNumber(mine[0]!.id)).toMatchObject({
      status: 'verified',
      phoneType: 'mobile',
    });
    expect(await api.phoneNumber(mine[1]!.id)).toMatchObject({
      status: 'verified',
      phoneType: 'home',
      extension: '12',
    });
    expect(await api.phoneNumber(samsNumber.id)).toMatchObject({ status: samsNumber.status });
  });

  test('a bulk change the server refuses for one number reports exactly that one, which stays selected', async ({
    page,
    phoneNumbersPage,
    api,
    prospectWithNumbers,
  }) => {
    const { prospect, numbers } = await prospectWithNumbers('mobile', 'work', 'home');
    const refused = numbers[1]!;
    await answerWithError(
      page,
      isPhoneNumber(refused.id),
      403,
      { id: 'unauthorizedRequest', title: 'Forbidden', detail: 'Not yours.' },
      { method: 'PATCH' },
    );
    const bulk = new BulkActions(page);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    const shown = numbers.map((number) => number.shown);

    await bulk.select(...shown);
    await expect(bulk.bar).toContainText('3 selected');
    await bulk.changeStatus('Invalid');

    await expect(bulk.report).toContainText('Changed 2. 1 failed:');
    await expect(bulk.report.getByRole('listitem')).toHaveText([`${shown[1]}: ${NO_LONGER}`]);
    await expect(bulk.bar).toContainText('1 selected');
    await expect(bulk.checkbox(shown[1]!)).toBeChecked();
    expect(await api.phoneNumber(numbers[0]!.id)).toMatchObject({ status: 'invalid' });
    expect(await api.phoneNumber(refused.id)).toMatchObject({ status: refused.status });
    expect(await api.phoneNumber(numbers[2]!.id)).toMatchObject({ status: 'invalid' });
  });

  test("a checkbox is ticked by the time the click is over, as Playwright's check() expects", async ({
    page,
    phoneNumbersPage,
    prospectWithNumbers,
  }) => {
    const { prospect, numbers } = await prospectWithNumbers('mobile', 'work');
    const bulk = new BulkActions(page);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);

    // Clicked, then read once what was queued behind the click has run, and nothing later.
    for (const { shown } of numbers) {
      const ticked = await bulk.checkbox(shown).evaluate(async (input: HTMLInputElement) => {
        input.click();
        for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
        return input.checked;
      });
      expect(ticked, shown).toBe(true);
    }
    await expect(bulk.bar).toContainText('2 selected');
  });

  test('a number Ada changed since the page read it is refused by the server itself, and reported', async ({
    page,
    phoneNumbersPage,
    api,
    prospectWithNumbers,
  }) => {
    const { prospect, numbers } = await prospectWithNumbers('mobile', 'work');
    const bulk = new BulkActions(page);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    const shown = numbers.map((number) => number.shown);
    await bulk.select(...shown);
    await expect(bulk.bar).toContainText('2 selected');

    await api.updatePhoneNumber(numbers[1]!.id, { phoneType: 'voip' });
    await bulk.changeStatus('Verified');

    await expect(bulk.report).toContainText('Changed 1. 1 failed:');
    await expect(bulk.report.getByRole('listitem')).toHaveText([
      `${shown[1]}: Someone changed this number after it was shown to you, so it was left as it is.`,
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await api.phoneNumber(numbers[0]!.id)).toMatchObject({ status: 'verified' });
    // Ada's change stands; the rep's was not written over it.
    expect(await api.phoneNumber(numbers[1]!.id)).toMatchObject({
      status: numbers[1]!.status,
      phoneType: 'voip',
    });
  });

  test('a selection made with the keyboard too, deleted, comes back with one Undo, and is deleted for good without it', async ({
    page,
    phoneNumbersPage,
    api,
    prospectWithNumbers,
  }) => {
    const { prospect, numbers } = await prospectWithNumbers('mobile', 'work', 'home');
    const bulk = new BulkActions(page);
    const writes = recordWrites(page);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    const shown = numbers.map((number) => number.shown);

    // The first by a click, the third with the keyboard: down its column, and Space.
    await bulk.select(shown[0]!);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(bulk.checkbox(shown[2]!)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(bulk.checkbox(shown[2]!)).toBeChecked();
    await expect(bulk.bar).toContainText('2 selected');
    await bulk.deleteButton.click();
    await expect(bulk.deleteDialog).toHaveAccessibleName('Delete 2 phone numbers?');
    expect(await axeViolations(page)).toEqual([]);
    await bulk.deleteDialog.getByRole('button', { name: 'Delete' }).click();

    await expect(phoneNumbersPage.row(shown[0]!)).toBeHidden();
    await expect(phoneNumbersPage.row(shown[2]!)).toBeHidden();
    await expect(phoneNumbersPage.row(shown[1]!)).toBeVisible();
    await expect(phoneNumbersPage.snackbar).toContainText('2 phone numbers deleted');
    await phoneNumbersPage.undoButton.click();

    await expect(phoneNumbersPage.row(shown[0]!)).toBeVisible();
    await expect(phoneNumbersPage.row(shown[2]!)).toBeVisible();
    expect(writes).toEqual([]);

    await bulk.select(shown[0]!, shown[2]!);
    await bulk.deleteSelection();
    await expect(phoneNumbersPage.snackbar).toContainText('2 phone numbers deleted');
    // Sent once the undo window is over.
    await expect
      .poll(async () => (await api.numbersOf(prospect.id)).map(({ id }) => id), {
        timeout: 20_000,
      })
      .toEqual([numbers[1]!.id]);
    expect(writes.sort()).toEqual([
      `DELETE phoneNumbers/${numbers[0]!.id}`,
      `DELETE phoneNumbers/${numbers[2]!.id}`,
    ]);
  });
});
