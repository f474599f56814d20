import { expect, test } from './fixtures';
import { tabTo } from './keyboard';
import { answer } from './requests';

test('Riley edits a cell and deletes a number with the keyboard alone', async ({
  page,
  phoneNumbersPage,
  deleteDialog,
  api,
  addNumber,
  newProspect,
}) => {
  const prospect = await newProspect();
  // A number above hers, so that she has a row to pass on the way down.
  await addNumber(prospect.id);
  const number = await addNumber(prospect.id);
  const numbers = await api.numbersOf(prospect.id);
  const row = numbers.findIndex((each) => each.id === number.id);
  await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
  await expect(phoneNumbersPage.shownNumbers()).toHaveText(numbers.map((each) => each.shown));

  // Into the grid at its first header, "Select all rows", right to Number, down to her number's row,
  // then right to its Extension.
  await tabTo(page, phoneNumbersPage.selectAllCheckbox);
  await page.keyboard.press('ArrowRight');
  await expect(phoneNumbersPage.columnHeader('Number')).toBeFocused();
  for (let step = 0; step <= row; step++) await page.keyboard.press('ArrowDown');
  await expect(phoneNumbersPage.row(number.shown).getByRole('link')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const extension = phoneNumbersPage.cell(number.shown, 'Extension');
  await expect(extension).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(phoneNumbersPage.cellEditor).toBeFocused();
  await page.keyboard.type('77');
  const saved = answer(page, 'PATCH', number.id);
  await page.keyboard.press('Enter');

  const edited = `${number.shown} ext. 77`;
  await expect(phoneNumbersPage.cell(edited, 'Extension')).toHaveText('77');
  expect((await saved).status()).toBe(200);

  // On along the row (Country, Status, Order, Updated) to its actions, and along them to Delete.
  for (let cell = 0; cell < 5; cell++) await page.keyboard.press('ArrowRight');
  await expect(phoneNumbersPage.rowAction('Edit', number.shown)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(phoneNumbersPage.rowAction('Delete', number.shown)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(deleteDialog.cancelButton).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(deleteDialog.deleteButton).toBeFocused();
  const deleted = answer(page, 'DELETE', number.id);
  await page.keyboard.press('Enter');

  await expect(phoneNumbersPage.row(edited)).toBeHidden();
  await expect(phoneNumbersPage.snackbar).toContainText(`Deleted ${edited}`);
  expect((await deleted).status()).toBe(204);
  expect(await api.phoneNumber(number.id)).toBeUndefined();
});
