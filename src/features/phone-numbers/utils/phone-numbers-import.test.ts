import { describe, expect, it } from 'vitest';
import {
  countVerdicts,
  describeVerdict,
  duplicateKey,
  importColumnsOf,
  judgeByServer,
  readImportRows,
  type ImportColumns,
} from './phone-numbers-import';
import { phoneNumbersCsv } from './phone-numbers-csv';
import { readCsvRecords } from './read-csv-records';

/** A file's rows as the import reads them, from its text. */
async function rowsOf(text: string) {
  const [header, ...records] = await readCsvRecords(text);
  const columns = importColumnsOf(header);
  if (!columns.ok) throw new Error(columns.problem);
  return readImportRows(records, columns.columns);
}

const resultsOf = async (text: string) =>
  (await rowsOf(text)).map(({ row, verdict }) => [row, describeVerdict(verdict)]);

describe('importColumnsOf', () => {
  it("reads the export's header names and the API's, in any case, in any order", () => {
    const exported = importColumnsOf([
      'Prospect ID',
      'Prospect name',
      'Number',
      'Type',
      'Extension',
      'Country',
      'Status',
      'Updated at',
    ]);
    expect(exported).toEqual({
      ok: true,
      columns: {
        prospectId: 0,
        number: 2,
        phoneType: 3,
        extension: 4,
        countryCode: 5,
        status: 6,
      },
    });
    const api = importColumnsOf(['STATUS', 'countryCode', 'phoneType', 'number', 'prospectId']);
    expect(api).toEqual({
      ok: true,
      columns: { status: 0, countryCode: 1, phoneType: 2, number: 3, prospectId: 4 },
    });
    expect(importColumnsOf(['prospect_id', 'phone number'])).toEqual({
      ok: true,
      columns: { prospectId: 0, number: 1 },
    });
  });

  it('says which required column is missing', () => {
    expect(importColumnsOf(['Name', 'Phone'])).toEqual({
      ok: false,
      problem:
        'The file has no Prospect ID and Number column. Its first line must name the columns: Prospect ID, Number, Type, Extension, Country, Status.',
    });
    expect(importColumnsOf(undefined)).toMatchObject({ ok: false });
  });
});

describe('readImportRows', () => {
  it('reads a file the export wrote, BOM, guards and all, as numbers to add', async () => {
    const file = phoneNumbersCsv([
      {
        prospectId: 7,
        prospectName: '=Olivia',
        number: '+13035550141',
        phoneType: 'mobile',
        extension: '12',
        countryCode: 'US',
        status: 'do_not_call',
        updatedAt: '2026-12-04T09:30:00.000Z',
      },
    ]);
    const rows = await rowsOf(file);
    expect(rows).toEqual([
      {
        row: 2,
        cells: {
          prospectId: '7',
          number: '+13035550141',
          phoneType: 'mobile',
          extension: '12',
          countryCode: 'US',
          status: 'do_not_call',
        },
        verdict: {
          kind: 'add',
          phoneNumber: {
            prospectId: 7,
            draft: {
              number: '+13035550141',
              rawNumber: '+13035550141',
              countryCode: 'US',
              phoneType: 'mobile',
              extension: '12',
            },
            status: 'do_not_call',
          },
        },
      },
    ]);
  });

  it("reads labels as values, a guarded number as typed, and leaves Type, Status and Country to the form's defaults", async () => {
    const rows = await rowsOf(
      [
        'Prospect ID,Number,Type,Country,Status',
        '7,"\'+44 20 7946 0958",Work,,Do not call',
        '8,(303) 555-0142,,,',
      ].join('\n'),
    );
    expect(rows.map(({ verdict }) => verdict)).toEqual([
      {
        kind: 'add',
        phoneNumber: {
          prospectId: 7,
          draft: {
            number: '+442079460958',
            rawNumber: '+44 20 7946 0958',
            countryCode: 'GB',
            phoneType: 'work',
            extension: null,
          },
          status: 'do_not_call',
        },
      },
      {
        kind: 'add',
        phoneNumber: {
          prospectId: 8,
          draft: {
            number: '+13035550142',
            rawNumber: '(303) 555-0142',
            countryCode: 'US',
            phoneType: 'other',
            extension: null,
          },
          status: undefined,
        },
      },
    ]);
  });

  it("gives each error the form's words, by column, and every problem of a row", async () => {
    expect(
      await resultsOf(
        [
          'Prospect ID,Number,Type,Extension,Country,Status',
          ',3035550141,,,,',
          'riley@example.com,3035550141,,,,',
          '7.5,3035550141,,,,',
          '7,303555,,,,',
          '7,not a number,,,,',
          '7,3035550141,fax,,,',
          '7,3035550141,,12a,,',
          '7,3035550141,,,ZZ,',
          '7,+442079460958,,,US,',
          '7,3035550141,,,,called',
          '7,,,,,',
          'x,303,,,,nope',
        ].join('\r\n'),
      ),
    ).toEqual([
      [2, 'Error: Prospect ID: Give the ID of the prospect the number is for'],
      [
        3,
        'Error: Prospect ID: Prospects are found by their ID, not by email; give the ID, such as 42',
      ],
      [4, 'Error: Prospect ID: A prospect ID is a whole number, such as 42'],
      [5, 'Error: Number: This is too short for a US number'],
      [6, "Error: Number: This isn't a phone number"],
      [7, 'Error: Type: Choose mobile, work, home, voip or other'],
      [8, 'Error: Extension: An extension is 1 to 10 digits'],
      [9, 'Error: Country: Give the country as a two-letter ISO code, such as US or GB'],
      [10, 'Error: Country: This is a GB number, not a US number'],
      [11, 'Error: Status: Choose one of: unverified, verified, invalid, do_not_call'],
      [12, 'Error: Number: Enter a phone number'],
      [
        13,
        'Error: Prospect ID: A prospect ID is a whole number, such as 42; Number: This is too short for a US number; Status: Choose one of: unverified, verified, invalid, do_not_call',
      ],
    ]);
  });

  it('marks a number a row above already adds to the same prospect as its duplicate, however written', async () => {
    expect(
      await resultsOf(
        [
          'Prospect ID,Number,Extension',
          '7,303 555 0141,',
          '8,303 555 0141,',
          '7,+1 (303) 555-0141,',
          '7,3035550141,12',
          '7,3035550141 x12,',
        ].join('\n'),
      ),
    ).toEqual([
      [2, 'Will add'],
      [3, 'Will add'],
      [4, 'Duplicate: Also on row 2 of this file'],
      [5, 'Will add'],
      [6, 'Duplicate: Also on row 5 of this file'],
    ]);
  });

  it('skips empty lines, reads short rows as empty cells, and reads ";" files', async () => {
    const rows = await rowsOf(
      ['Prospect ID;Number;Type', '', '7;3035550141', '   ', '8;3035550142;home', ''].join('\n'),
    );
    expect(rows.map(({ row, verdict }) => [row, verdict.kind])).toEqual([
      [2, 'add'],
      [3, 'add'],
    ]);
  });

  it('gives the page a turn while it reads many rows, and stops when aborted', async () => {
    const records = Array.from({ length: 3000 }, (_, index) => [
      '7',
      `+1303555${String(index).padStart(4, '0')}`,
    ]);
    const columns: ImportColumns = { prospectId: 0, number: 1 };
    const seen: number[] = [];
    const rows = await readImportRows(records, columns, {
      onProgress: (done) => seen.push(done),
    });
    expect(rows).toHaveLength(3000);
    expect(seen.at(-1)).toBe(3000);
    const controller = new AbortController();
    controller.abort();
    const many = Array.from({ length: 20 }, () => records).flat();
    await expect(readImportRows(many, columns, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('judgeByServer', () => {
  it("makes errors of prospects that don't exist or the user may not change, and duplicates of numbers they have", async () => {
    const rows = await rowsOf(
      ['Prospect ID,Number', '7,3035550141', '7,3035550142', '8,3035550143', '9,3035550144'].join(
        '\n',
      ),
    );
    const judged = judgeByServer(
      rows,
      new Map([
        [7, { canWrite: true, writeRefusal: null }],
        [8, { canWrite: false, writeRefusal: 'Sam Rep owns this prospect' }],
      ]),
      new Set([duplicateKey(7, '+13035550142', null)]),
      "You don't have permission",
    );
    expect(judged.map(({ verdict }) => describeVerdict(verdict))).toEqual([
      'Will add',
      'Duplicate: Already on this prospect',
      'Error: Sam Rep owns this prospect',
      'Error: Prospect ID: No prospect has this ID',
    ]);
    expect(countVerdicts(judged)).toEqual({ add: 1, duplicate: 1, error: 2 });
  });
});
