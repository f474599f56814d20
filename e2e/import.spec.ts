import { readFile } from 'node:fs/promises';
import { axeViolations } from './axe';
import { parseCsv } from './csv';
import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { ImportDialog } from './pages/import-dialog';

// axe is injected as an inline script, which the pages' Content-Security-Policy would refuse.
test.use({ bypassCSP: true });

const HEADER = 'Prospect ID,Number,Type,Extension,Country,Status';
const SAM_OWNS = 'Sam Rep owns this prospect; only they or an admin can change its phone numbers';

test.describe('Import CSV', () => {
  // Two prospects, a file checked against the server, axe, writes and a download, on a busy machine.
  test.slow();

  test("Riley imports a file of good, duplicate and bad rows: the preview says each row's result, the good rows are added, the report lists the rest", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newNumber,
    newProspect,
  }) => {
    const rileys = await newProspect();
    const sams = await newProspect('Sam Rep');
    const existing = await addNumber(rileys.id);
    const first = await newNumber();
    const second = await newNumber();
    const lines = [
      HEADER,
      `${rileys.id},${first},mobile,,,verified`,
      `${rileys.id},${existing.shown},,,,`,
      `${rileys.id},${shownAs(first)},,,,`,
      `${sams.id},${second},,,,`,
      `${rileys.id},12345,,,,`,
      `${rileys.id},${shownAs(second)},Work,42,GB,`,
    ];
    await phoneNumbersPage.goto(`?prospect=${rileys.id}`);
    await expect(phoneNumbersPage.row(existing.shown)).toBeVisible();
    const importDialog = new ImportDialog(page);

    try {
      await importDialog.pick('numbers.csv', lines);

      await expect(importDialog.status).toHaveText(
        'numbers.csv: 2 will be added, 2 are duplicates, 2 have errors. Nothing has been written yet.',
      );
      expect(await importDialog.results()).toEqual([
        ['2', 'Will add'],
        ['3', 'Duplicate: Already on this prospect'],
        ['4', 'Duplicate: Also on row 2 of this file'],
        ['5', `Error: ${SAM_OWNS}`],
        ['6', 'Error: Number: This is too short for a US number'],
        ['7', 'Will add'],
      ]);
      expect((await api.numbersOf(rileys.id)).map(({ id }) => id)).toEqual([existing.id]);
      expect(await axeViolations(page)).toEqual([]);

      await importDialog.importNumbersButton(2).click();

      await expect(importDialog.message).toContainText('Added 2. 2 failed.');
      const added = (await api.numbersOf(rileys.id)).filter(({ id }) => id !== existing.id);
      expect(
        added.map(({ number, phoneType, extension, countryCode, status }) => ({
          number,
          phoneType,
          extension,
          countryCode,
          status,
        })),
      ).toEqual([
        {
          number: first,
          phoneType: 'mobile',
          extension: null,
          countryCode: 'GB',
          status: 'verified',
        },
        {
          number: second,
          phoneType: 'work',
          extension: '42',
          countryCode: 'GB',
          status: 'unverified',
        },
      ]);
      expect(await api.numbersOf(sams.id)).toEqual([]);

      const report = await importDialog.downloadReport();
      expect(report.suggestedFilename()).toMatch(
        /^phone-numbers-import-report-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const text = (await readFile(await report.path())).toString('utf8').replace(/^\uFEFF/, '');
      expect(parseCsv(text)).toEqual([
        ['Row', 'Prospect ID', 'Number', 'Type', 'Extension', 'Country', 'Status', 'Reason'],
        [
          '3',
          String(rileys.id),
          `'${existing.shown}`,
          '',
          '',
          '',
          '',
          'Duplicate: Already on this prospect',
        ],
        [
          '4',
          String(rileys.id),
          `'${shownAs(first)}`,
          '',
          '',
          '',
          '',
          'Duplicate: Also on row 2 of this file',
        ],
        ['5', String(sams.id), second, '', '', '', '', `Error: ${SAM_OWNS}`],
        [
          '6',
          String(rileys.id),
          '12345',
          '',
          '',
          '',
          '',
          'Error: Number: This is too short for a US number',
        ],
      ]);

      await importDialog.closeButton.click();
      await expect(importDialog.dialog).toBeHidden();
      // The grid shows what was added without a reload.
      await expect(phoneNumbersPage.row(shownAs(first))).toBeVisible();
      await expect(phoneNumbersPage.row(shownAs(second, '42'))).toBeVisible();
    } finally {
      for (const each of await api.numbersOf(rileys.id)) {
        if (each.id !== existing.id) await api.deletePhoneNumber(each.id);
      }
    }
  });

  test.describe('as a viewer', () => {
    test.use({ demoUser: 'Val Viewer' });

    test('Val is refused Import CSV, with the reason', async ({ phoneNumbersPage, page }) => {
      await expect(phoneNumbersPage.rows.first()).toBeVisible();
      const importDialog = new ImportDialog(page);
      const refusal = "Viewers can't import phone numbers; an admin or a rep can";
      await expect(importDialog.importButton).toBeDisabled();
      await expect(importDialog.importButton).toHaveAccessibleDescription(refusal);
      await importDialog.importButton.hover();
      await expect(page.getByRole('tooltip')).toHaveText(refusal);
      await expect(importDialog.dialog).toBeHidden();
    });

    test('Val is refused Import CSV in the iframe panel too, before choosing a file', async ({
      phoneNumbersPage,
      page,
    }) => {
      await expect(phoneNumbersPage.rows.first()).toBeVisible();
      await page.goto('/embed/prospects/1/phone-numbers');
      const importDialog = new ImportDialog(page);
      await expect(importDialog.importButton).toBeDisabled();
      await expect(importDialog.importButton).toHaveAccessibleDescription(
        "Viewers can't import phone numbers; an admin or a rep can",
      );
      await importDialog.importButton.click({ force: true });
      await expect(importDialog.dialog).toBeHidden();
    });

    test("Val is refused Import CSV on a prospect's page too", async ({
      phoneNumbersPage,
      page,
    }) => {
      await expect(phoneNumbersPage.rows.first()).toBeVisible();
      await page.goto('/prospects/1');
      const importDialog = new ImportDialog(page);
      await expect(importDialog.importButton).toBeDisabled();
      await expect(importDialog.importButton).toHaveAccessibleDescription(
        "Viewers can't import phone numbers; an admin or a rep can",
      );
    });
  });
});
