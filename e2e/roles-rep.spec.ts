import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { answer } from './requests';

// Riley Rep is the fixtures' default user.

// Riley is told who can act on Sam's prospect: Sam, or an admin.
const NO_WRITE = 'Sam Rep owns this prospect; only they or an admin can change its phone numbers';
const NO_DELETE = 'Sam Rep owns this prospect; only they or an admin can delete its phone numbers';

test.describe('Riley Rep changes her own prospects’ numbers, and only those', () => {
  test('she adds a number to her prospect, edits it and deletes it', async ({
    page,
    phoneNumbersPage,
    addDialog,
    editDialog,
    api,
    newNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await newNumber();
    const shown = shownAs(number);

    await phoneNumbersPage.chooseProspect(prospect.name);
    await phoneNumbersPage.addButton.click();
    await addDialog.fill({ number: shown, type: 'Work' });
    await addDialog.save();

    await expect(addDialog.dialog).toBeHidden();
    await expect(phoneNumbersPage.cell(shown, 'Type')).toHaveText('Work');
    const added = (await api.numbersOf(prospect.id)).find((each) => each.number === number);
    expect(added).toMatchObject({ phoneType: 'work', extension: null });

    await phoneNumbersPage.rowAction('Edit', shown).click();
    await editDialog.fill({ extension: '204' });
    await editDialog.save();

    await expect(editDialog.dialog).toBeHidden();
    await expect(phoneNumbersPage.cell(`${shown} ext. 204`, 'Extension')).toHaveText('204');
    expect(await api.phoneNumber(added!.id)).toMatchObject({ extension: '204' });

    const deleted = answer(page, 'DELETE', added!.id);
    await phoneNumbersPage.delete(shown);
    await expect(phoneNumbersPage.row(`${shown} ext. 204`)).toBeHidden();
    expect((await deleted).status()).toBe(204);
    expect(await api.phoneNumber(added!.id)).toBeUndefined();
  });

  test("on Sam's prospect every action is disabled and says why, and no cell opens", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const samsProspect = await newProspect('Sam Rep');
    await addNumber(samsProspect.id, { phoneType: 'mobile' });
    await addNumber(samsProspect.id, { phoneType: 'home', extension: '12' });
    const numbers = await api.numbersOf(samsProspect.id);

    await phoneNumbersPage.chooseProspect(samsProspect.name);

    await expect(phoneNumbersPage.row(numbers[0]!.shown)).toBeVisible();
    await expect(phoneNumbersPage.addButton).toBeDisabled();
    await expect(phoneNumbersPage.addButton).toHaveAccessibleDescription(NO_WRITE);
    for (const { number, shown } of numbers) {
      const refusals = [
        [phoneNumbersPage.rowAction('Edit', shownAs(number)), NO_WRITE],
        [phoneNumbersPage.rowAction('Delete', shownAs(number)), NO_DELETE],
        [phoneNumbersPage.rowAction('Make primary', shownAs(number)), NO_WRITE],
        [phoneNumbersPage.rowAction('Move up', shownAs(number)), NO_WRITE],
        [phoneNumbersPage.rowAction('Move down', shownAs(number)), NO_WRITE],
      ] as const;
      for (const [action, reason] of refusals) {
        await expect(action).toBeDisabled();
        await expect(action).toHaveAccessibleDescription(reason);
      }

      // A cell she tries to edit opens no editor, and says why.
      await phoneNumbersPage.startEditing(shown, 'Number');
      await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
      await expect(phoneNumbersPage.snackbar).toContainText(NO_WRITE);
      await phoneNumbersPage.snackbar.getByRole('button', { name: 'Close' }).click();
      await expect(phoneNumbersPage.snackbar).toHaveCount(0);
      const statusCell = phoneNumbersPage.cell(shown, 'Status');
      await statusCell.click();
      await statusCell.press('Enter');
      await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
      await expect(phoneNumbersPage.snackbar).toContainText(NO_WRITE);
      await phoneNumbersPage.snackbar.getByRole('button', { name: 'Close' }).click();
    }

    // The tooltip says it to whoever points at the button, too.
    await phoneNumbersPage.rowAction('Delete', shownAs(numbers[0]!.number)).hover();
    await expect(page.getByRole('tooltip')).toHaveText(NO_DELETE);
  });

  test("a change to Sam's number sent around the app with Riley's token is refused by the server", async ({
    page,
    api,
    addNumber,
    newNumber,
    newProspect,
  }) => {
    const samsNumber = await addNumber((await newProspect('Sam Rep')).id, { phoneType: 'mobile' });
    const headers = {
      Authorization: 'Bearer dev-rep-riley',
      'Content-Type': 'application/vnd.api+json',
    };

    const patched = await page.request.patch(`/api/v2/phoneNumbers/${samsNumber.id}`, {
      headers,
      data: JSON.stringify({
        data: {
          type: 'phoneNumber',
          id: samsNumber.id,
          attributes: { number: await newNumber(), status: 'do_not_call' },
        },
      }),
    });
    const deleted = await page.request.delete(`/api/v2/phoneNumbers/${samsNumber.id}`, {
      headers,
    });

    for (const refused of [patched, deleted]) {
      expect(refused.status()).toBe(403);
      expect(refused.headers()['content-type']).toContain('application/vnd.api+json');
      expect(await refused.json()).toEqual({
        errors: [expect.objectContaining({ id: 'unauthorizedRequest', status: '403' })],
      });
    }
    expect(await api.phoneNumber(samsNumber.id)).toEqual(samsNumber);
  });
});
