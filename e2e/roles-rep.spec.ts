import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { answer } from './requests';

// Riley Rep is the fixtures' default user.

const NO_WRITE = "You don't have permission to change this prospect's phone numbers";
const NO_DELETE = "You don't have permission to delete this prospect's phone numbers";

/** Riley's own prospect, and one of Sam's. */
const MIA_BROWN = { id: 11, name: 'Mia Brown' };
const NOAH_SMITH = { id: 4, name: 'Noah Smith' };
const ELIJAH_OBRIEN = { id: 8, name: "Elijah O'Brien" };

test.describe('Riley Rep changes her own prospects’ numbers, and only those', () => {
  test('she adds a number to Mia Brown, her prospect, edits it and deletes it', async ({
    page,
    phoneNumbersPage,
    addDialog,
    editDialog,
    api,
    newNumber,
  }) => {
    const number = await newNumber();
    const shown = shownAs(number);

    await phoneNumbersPage.chooseProspect(MIA_BROWN.name);
    await phoneNumbersPage.addButton.click();
    await addDialog.fill({ number: shown, type: 'Work' });
    await addDialog.save();

    await expect(addDialog.dialog).toBeHidden();
    await expect(await phoneNumbersPage.cell(shown, 'Type')).toHaveText('Work');
    const added = (await api.numbersOf(MIA_BROWN.id)).find((each) => each.number === number);
    expect(added).toMatchObject({ phoneType: 'work', extension: null });

    await phoneNumbersPage.rowAction('Edit', shown).click();
    await editDialog.fill({ extension: '204' });
    await editDialog.save();

    await expect(editDialog.dialog).toBeHidden();
    await expect(await phoneNumbersPage.cell(`${shown} ext. 204`, 'Extension')).toHaveText('204');
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
  }) => {
    const numbers = await api.numbersOf(NOAH_SMITH.id);
    expect(numbers.length).toBeGreaterThan(0);

    await phoneNumbersPage.chooseProspect(NOAH_SMITH.name);

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

      await phoneNumbersPage.startEditing(shown, 'Number');
      await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
      const statusCell = await phoneNumbersPage.cell(shown, 'Status');
      await statusCell.click();
      await statusCell.press('Enter');
      await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
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
  }) => {
    const samsNumber = await addNumber(ELIJAH_OBRIEN.id, { phoneType: 'mobile' });
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
