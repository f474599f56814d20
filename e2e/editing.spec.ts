import { shownAs } from './demo-api';
import { answerWithError, isPhoneNumber, isPhoneNumberList } from './faults';
import { expect, test } from './fixtures';
import { coveredOnes, ERROR_RED } from './layout';
import { answer, recordWrites } from './requests';

// Riley Rep (the fixtures' default user) edits numbers she adds to her own prospects.

test.describe('Editing a number in its cell', () => {
  test('Riley corrects a number in place; Enter saves it, and it is still there after a reload', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
    newNumber,
  }) => {
    const prospect = await newProspect();
    const typo = await addNumber(prospect.id);
    const corrected = shownAs(await newNumber());
    await phoneNumbersPage.chooseProspect(prospect.name);

    const saved = answer(page, 'PATCH', typo.id);
    await phoneNumbersPage.editCell(typo.shown, 'Number', corrected);

    await expect(phoneNumbersPage.row(corrected)).toBeVisible();
    await expect(phoneNumbersPage.row(typo.shown)).toBeHidden();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await expect(phoneNumbersPage.row(corrected)).toBeVisible();
    await expect(phoneNumbersPage.row(typo.shown)).toBeHidden();
    expect(await api.phoneNumber(typo.id)).toMatchObject({ shown: corrected });
  });

  test('Escape puts the old value back and sends nothing', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
    newNumber,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    const writes = recordWrites(page);

    await phoneNumbersPage.startEditing(number.shown, 'Number');
    await phoneNumbersPage.cellEditor.fill(shownAs(await newNumber()));
    await phoneNumbersPage.cellEditor.press('Escape');

    await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
    await expect(phoneNumbersPage.row(number.shown)).toBeVisible();
    // A change she does commit goes after anything the Escape would have sent.
    const saved = answer(page, 'PATCH', number.id);
    await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Verified');
    await saved;
    expect(writes).toEqual([`PATCH phoneNumbers/${number.id}`]);
    expect(await api.phoneNumber(number.id)).toMatchObject({
      number: number.number,
      status: 'verified',
    });
  });

  test('a number that is not valid is refused in the cell, with the reason, before anything is sent', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    const writes = recordWrites(page);

    await phoneNumbersPage.editCell(number.shown, 'Number', '+44 20 7946');

    await expect(phoneNumbersPage.cellError).toHaveText('This is too short for a phone number');
    await expect(phoneNumbersPage.cellEditor).toHaveValue('+44 20 7946');
    await expect(phoneNumbersPage.cellEditor).toHaveAttribute('aria-invalid', 'true');
    // The cell itself is red, not only the message beside it.
    expect(await phoneNumbersPage.editingCellEdgeColours()).toContain(ERROR_RED);
    expect(writes).toEqual([]);

    await phoneNumbersPage.cellEditor.press('Escape');
    await expect(phoneNumbersPage.row(number.shown)).toBeVisible();
    await expect(phoneNumbersPage.cellError).toHaveCount(0);
    expect(writes).toEqual([]);
    expect(await api.phoneNumber(number.id)).toEqual(number);
  });

  test('a type the server refuses: the cell is red and says why, and the reason never covers the types to choose from', async ({
    page,
    phoneNumbersPage,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    await answerWithError(
      page,
      isPhoneNumber(number.id),
      422,
      {
        id: 'validationError',
        title: 'Validation Error',
        detail: 'VoIP numbers are not taken for this prospect.',
        source: { pointer: '/data/attributes/phoneType' },
      },
      { method: 'PATCH' },
    );

    await phoneNumbersPage.chooseInCell(number.shown, 'Type', 'VoIP');

    await expect(phoneNumbersPage.cellError).toHaveText(
      'VoIP numbers are not taken for this prospect.',
    );
    expect(await phoneNumbersPage.editingCellEdgeColours()).toContain(ERROR_RED);
    // The cell opens again with its types listed.
    await expect(page.getByRole('option').first()).toBeVisible();
    await expect(phoneNumbersPage.cellError).toBeVisible();
    expect(await coveredOnes(page.getByRole('option'))).toEqual([]);
  });

  test("a number the prospect already has is refused by the server: the cell opens again with what she typed and the server's reason", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const first = await addNumber(prospect.id);
    const second = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);

    const refused = answer(page, 'PATCH', second.id);
    await phoneNumbersPage.editCell(second.shown, 'Number', first.shown);

    expect((await refused).status()).toBe(422);
    await expect(phoneNumbersPage.cellError).toHaveText(
      `This prospect already has ${first.shown}.`,
    );
    await expect(phoneNumbersPage.cellEditor).toHaveValue(first.shown);
    await phoneNumbersPage.cellEditor.press('Escape');
    await expect(phoneNumbersPage.row(second.shown)).toBeVisible();
    expect(await api.phoneNumber(second.id)).toEqual(second);
  });

  test('when the server fails, the change shown at once is taken back, and the page says so', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id, { status: 'unverified' });
    let answerNow = () => {};
    await answerWithError(
      page,
      isPhoneNumber(number.id),
      500,
      {
        id: 'internalServerError',
        title: 'Internal Server Error',
        detail: 'The database did not answer.',
      },
      { method: 'PATCH', after: new Promise((resolve) => (answerNow = resolve)) },
    );
    await phoneNumbersPage.chooseProspect(prospect.name);
    const status = phoneNumbersPage.cell(number.shown, 'Status');

    await phoneNumbersPage.chooseInCell(number.shown, 'Status', 'Do not call');

    await expect(status).toHaveText('Do not call');
    answerNow();
    await expect(phoneNumbersPage.snackbar).toContainText(
      'The database did not answer. The previous value is back.',
    );
    await expect(status).toHaveText('Unverified');
    expect(await api.phoneNumber(number.id)).toEqual(number);
  });
});

test.describe('Adding and editing in the dialog', () => {
  test("a number the prospect already has gets the server's message on Number, and what she typed stays", async ({
    page,
    phoneNumbersPage,
    addDialog,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const existing = await addNumber(prospect.id, { phoneType: 'mobile' });
    await phoneNumbersPage.chooseProspect(prospect.name);

    await phoneNumbersPage.addButton.click();
    await addDialog.fill({ number: existing.shown, type: 'Home' });
    const refused = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.status() === 422,
    );
    await addDialog.save();

    await refused;
    await expect(addDialog.number).toHaveAccessibleDescription(
      `This prospect already has ${existing.shown}.`,
    );
    await expect(addDialog.number).toHaveAttribute('aria-invalid', 'true');
    await expect(addDialog.number).toHaveValue(existing.shown);
    await expect(addDialog.country).toHaveValue('United Kingdom (GB)');
    await expect(addDialog.type).toHaveText('Home');

    await addDialog.cancel();
    await expect(addDialog.dialog).toBeHidden();
    await expect(phoneNumbersPage.row(existing.shown)).toHaveCount(1);
    expect(
      (await api.numbersOf(prospect.id)).filter((each) => each.number === existing.number),
    ).toEqual([existing]);
  });

  test('Add opens with the cursor in Number; a number typed with +44 sets Country to United Kingdom as she types, and is saved so', async ({
    page,
    phoneNumbersPage,
    addDialog,
    api,
    newProspect,
    newNumber,
  }) => {
    const prospect = await newProspect();
    const number = await newNumber();
    const typed = shownAs(number);
    await phoneNumbersPage.chooseProspect(prospect.name);

    await phoneNumbersPage.addButton.click();
    await expect(addDialog.number).toBeFocused();
    // A message under a field takes the line kept for it: the dialog does not grow.
    const height = (await addDialog.dialog.boundingBox())?.height;
    await addDialog.save();
    await expect(addDialog.number).toHaveAccessibleDescription('Enter a phone number');
    expect((await addDialog.dialog.boundingBox())?.height).toBe(height);

    // Her prospect has no country of its own: the dialog starts in the default one.
    await expect(addDialog.country).toHaveValue('United States (US)');
    await addDialog.number.pressSequentially(typed);
    await expect(addDialog.country).toHaveValue('United Kingdom (GB)');
    await expect(addDialog.number).toBeFocused();
    await expect(addDialog.number).toHaveValue(typed);
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && isPhoneNumberList(new URL(response.url())),
    );
    await addDialog.save();

    expect((await saved).status()).toBe(201);
    await expect(addDialog.dialog).toBeHidden();
    await expect(phoneNumbersPage.row(typed)).toBeVisible();
    expect((await api.numbersOf(prospect.id)).find((each) => each.number === number)).toMatchObject(
      { number, countryCode: 'GB' },
    );
  });

  test('Edit opens "Edit phone number" with the number filled in, and saves only what she changed', async ({
    page,
    phoneNumbersPage,
    editDialog,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const number = await addNumber(prospect.id, { phoneType: 'work', extension: '12' });
    const withoutExtension = shownAs(number.number);
    await phoneNumbersPage.chooseProspect(prospect.name);

    await phoneNumbersPage.rowAction('Edit', withoutExtension).click();

    await expect(editDialog.number).toHaveValue(withoutExtension);
    await expect(editDialog.country).toHaveValue('United Kingdom (GB)');
    await expect(editDialog.type).toHaveText('Work');
    await expect(editDialog.extension).toHaveValue('12');
    await editDialog.fill({ type: 'Mobile', extension: '345' });
    const saved = answer(page, 'PATCH', number.id);
    await editDialog.save();

    await expect(editDialog.dialog).toBeHidden();
    await expect(phoneNumbersPage.snackbar).toContainText('Phone number saved');
    const edited = `${withoutExtension} ext. 345`;
    await expect(phoneNumbersPage.cell(edited, 'Type')).toHaveText('Mobile');
    await expect(phoneNumbersPage.cell(edited, 'Extension')).toHaveText('345');
    // Only what she changed is sent.
    expect((await saved).request().postDataJSON()).toEqual({
      data: {
        type: 'phoneNumber',
        id: number.id,
        attributes: { phoneType: 'mobile', extension: '345' },
      },
    });
    expect(await api.phoneNumber(number.id)).toMatchObject({
      number: number.number,
      phoneType: 'mobile',
      extension: '345',
    });
  });
});
