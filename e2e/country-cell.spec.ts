import { expect, test } from './fixtures';
import { coveredOnes, ERROR_RED } from './layout';
import { recordWrites } from './requests';

// Sam Rep edits the country of a number he adds to his own prospect.

test.use({ demoUser: 'Sam Rep' });

test.describe('The Country cell', () => {
  test('typing "United Kingdom" searches the list and saves nothing; a contradicting country is refused in the cell', async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    // Typed key by key, as a rep types: slower than a fill.
    test.slow();
    // A London number (the fresh numbers are 020 7946 0xxx), saved as GB.
    const prospect = await newProspect();
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    const writes = recordWrites(page);

    await phoneNumbersPage.typeInCountryCell(number.shown, 'United Kingdom');
    await expect(phoneNumbersPage.cellEditor).toHaveValue('United Kingdom');
    await expect(page.getByRole('option')).toHaveText(['United Kingdom (GB)']);
    expect(writes).toEqual([]);

    // Enter on the highlighted country chooses it: the one it already had, so nothing is sent.
    await phoneNumbersPage.cellEditor.press('Enter');
    await expect(phoneNumbersPage.cellEditor).toHaveCount(0);
    await expect(phoneNumbersPage.cell(number.shown, 'Country')).toHaveText('United Kingdom (GB)');

    await phoneNumbersPage.typeInCountryCell(number.shown, 'United States');
    await phoneNumbersPage.cellEditor.press('Enter');
    await expect(phoneNumbersPage.cellError).toHaveText('This is a GB number, not a US number');
    expect(await phoneNumbersPage.editingCellEdgeColours()).toContain(ERROR_RED);
    expect(writes).toEqual([]);

    // Searching again, the reason stays in view and the countries are not under it.
    await phoneNumbersPage.cellEditor.press('ArrowDown');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expect(phoneNumbersPage.cellError).toBeVisible();
    expect(await coveredOnes(page.getByRole('option'))).toEqual([]);
    expect(await api.phoneNumber(number.id)).toMatchObject({ countryCode: 'GB' });
  });
});
