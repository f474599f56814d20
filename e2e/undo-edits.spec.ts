import { expect, test } from './fixtures';
import { ConflictDialog } from './pages/conflict-dialog';
import { tabTo } from './keyboard';
import { answer } from './requests';

// Riley Rep (the fixtures' default user) edits numbers she adds to her own prospects, and takes an
// edit back with the snackbar's Undo.

test.describe('Undoing an edit made in a cell', () => {
  test('Riley changes a Type, takes it back with Undo, and the server keeps the old type', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id, { phoneType: 'work' });
    await phoneNumbersPage.chooseProspect(prospect.name);
    const type = phoneNumbersPage.cell(number.shown, 'Type');

    const saved = answer(page, 'PATCH', number.id);
    await phoneNumbersPage.chooseInCell(number.shown, 'Type', 'Mobile');
    expect((await saved).status()).toBe(200);
    await expect(phoneNumbersPage.snackbar).toContainText(
      `Type of ${number.shown} changed to Mobile`,
    );

    const undone = answer(page, 'PATCH', number.id);
    await phoneNumbersPage.undoButton.click();

    const response = await undone;
    expect(response.status()).toBe(200);
    // An ordinary PATCH of the old value, nothing else.
    expect(response.request().postDataJSON()).toEqual({
      data: { type: 'phoneNumber', id: number.id, attributes: { phoneType: 'work' } },
    });
    await expect(type).toHaveText('Work');
    await expect(phoneNumbersPage.snackbar).toBeHidden();
    await page.reload();
    await expect(type).toHaveText('Work');
    expect(await api.phoneNumber(number.id)).toMatchObject({ phoneType: 'work' });
  });

  test('with the keyboard: the focus stays in the grid, Tab reaches Undo, and comes back to the cell', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.goto(`?prospect=${prospect.id}`);
    const extension = phoneNumbersPage.cell(number.shown, 'Extension');

    // Into the grid at its first header, "Select all rows", then right to Number.
    await tabTo(page, phoneNumbersPage.selectAllCheckbox);
    await page.keyboard.press('ArrowRight');
    await expect(phoneNumbersPage.columnHeader('Number')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(extension).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.type('77');
    const saved = answer(page, 'PATCH', number.id);
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(200);

    const edited = phoneNumbersPage.cell(`${number.shown} ext. 77`, 'Extension');
    await expect(phoneNumbersPage.snackbar).toContainText(
      `Extension of ${number.shown} changed to 77`,
    );
    // The snackbar takes nothing from the grid.
    await expect(edited).toBeFocused();
    await tabTo(page, phoneNumbersPage.undoButton);
    const undone = answer(page, 'PATCH', number.id);
    await page.keyboard.press('Enter');

    const response = await undone;
    expect(response.status()).toBe(200);
    expect(response.request().postDataJSON()).toMatchObject({
      data: { attributes: { extension: null } },
    });
    await expect(extension).toHaveText('—');
    await expect(extension).toBeFocused();
    expect(await api.phoneNumber(number.id)).toMatchObject({ extension: null });
  });

  test('an Undo after someone else changed the number overwrites nothing, and offers the old value to apply knowingly', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id, { phoneType: 'work' });
    await phoneNumbersPage.chooseProspect(prospect.name);

    const saved = answer(page, 'PATCH', number.id);
    await phoneNumbersPage.chooseInCell(number.shown, 'Type', 'Mobile');
    expect((await saved).status()).toBe(200);
    // Meanwhile Ada makes it a home number.
    await api.updatePhoneNumber(number.id, { phoneType: 'home' });

    const refused = answer(page, 'PATCH', number.id);
    await phoneNumbersPage.undoButton.click();

    expect((await refused).status()).toBe(412);
    const conflict = new ConflictDialog(page);
    await expect(conflict.dialog).toContainText('Someone changed this number at');
    await expect(conflict.change('Type')).toContainText(/Home.*Work/);
    expect(await api.phoneNumber(number.id)).toMatchObject({ phoneType: 'home' });

    await conflict.discard();
    await expect(conflict.dialog).toBeHidden();
    await expect(phoneNumbersPage.cell(number.shown, 'Type')).toHaveText('Home');
    expect(await api.phoneNumber(number.id)).toMatchObject({ phoneType: 'home' });
  });
});
