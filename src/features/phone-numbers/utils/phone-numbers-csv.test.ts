import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  importReportCsv,
  importReportFileName,
  numberCell,
  phoneNumbersCsv,
  phoneNumbersCsvFileName,
  textCell,
  type ExportedPhoneNumber,
} from './phone-numbers-csv';

const number = (values: Partial<ExportedPhoneNumber> = {}): ExportedPhoneNumber => ({
  prospectId: 7,
  prospectName: 'Olivia García',
  number: '+13035550141',
  phoneType: 'mobile',
  extension: null,
  countryCode: 'US',
  status: 'verified',
  updatedAt: '2026-12-04T09:30:00.000Z',
  ...values,
});

describe('phoneNumbersCsv', () => {
  it('starts with a BOM and a header of readable names, and ends every line with CRLF', () => {
    const csv = phoneNumbersCsv([number()]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(CSV_BOM.length).split('\r\n')).toEqual([
      'Prospect ID,Prospect name,Number,Type,Extension,Country,Status,Updated at',
      '7,Olivia García,+13035550141,mobile,,US,verified,2026-12-04T09:30:00.000Z',
      '',
    ]);
  });

  it('writes empty cells for values the number does not have', () => {
    const csv = phoneNumbersCsv([
      number({
        prospectId: null,
        prospectName: null,
        number: null,
        phoneType: null,
        countryCode: null,
        status: null,
        updatedAt: null,
      }),
    ]);
    expect(csv.split('\r\n')[1]).toBe(',,,,,,,');
  });

  it('is only a header when there is no number', () => {
    expect(phoneNumbersCsv([])).toBe(
      `${CSV_BOM}Prospect ID,Prospect name,Number,Type,Extension,Country,Status,Updated at\r\n`,
    );
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    const csv = phoneNumbersCsv([number({ prospectName: 'García, "Olivia"\nAcme' })]);
    expect(csv.split('\r\n')[1]).toBe(
      '7,"García, ""Olivia""\nAcme",+13035550141,mobile,,US,verified,2026-12-04T09:30:00.000Z',
    );
  });
});

describe('textCell', () => {
  it('puts a quote before a cell a spreadsheet would run as a formula', () => {
    expect(textCell('=HYPERLINK("http://evil.test","Click")')).toBe(
      '"\'=HYPERLINK(""http://evil.test"",""Click"")"',
    );
    expect(textCell('+1+2')).toBe("'+1+2");
    expect(textCell('-2+3')).toBe("'-2+3");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('\tcmd')).toBe("'\tcmd");
    expect(textCell('\rcmd')).toBe('"\'\rcmd"');
  });

  it('leaves other text as it is, and writes nothing for none', () => {
    expect(textCell('Ada Admin')).toBe('Ada Admin');
    expect(textCell('a=b')).toBe('a=b');
    expect(textCell('')).toBe('');
    expect(textCell(null)).toBe('');
  });
});

describe('numberCell', () => {
  it('writes an E.164 number as it is, with its plus, so that it reads back the same', () => {
    expect(numberCell('+13035550141')).toBe('+13035550141');
    expect(numberCell('+442071838750')).toBe('+442071838750');
  });

  it('guards anything else like text: another API may send a number as typed', () => {
    expect(numberCell('+1 (303) 555-0141')).toBe("'+1 (303) 555-0141");
    expect(numberCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(numberCell('=1+1')).toBe("'=1+1");
    expect(numberCell('303 555 0141')).toBe('303 555 0141');
    expect(numberCell(null)).toBe('');
  });
});

describe('phoneNumbersCsvFileName', () => {
  it("names the file by the rep's date", () => {
    expect(phoneNumbersCsvFileName(new Date(2026, 11, 4, 23, 59))).toBe(
      'phone-numbers-2026-12-04.csv',
    );
    expect(phoneNumbersCsvFileName(new Date(2027, 0, 1, 0, 0))).toBe(
      'phone-numbers-2027-01-01.csv',
    );
  });
});

describe('importReportCsv', () => {
  it('lists each row that was not added with its cells as the file had them and the reason', () => {
    const csv = importReportCsv([
      {
        row: 3,
        cells: {
          prospectId: '7',
          number: '+1 303 555 0141',
          phoneType: 'mobile',
          extension: '',
          countryCode: 'US',
          status: '',
        },
        reason: 'Number: This is too short, for a US number',
      },
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(CSV_BOM.length).split('\r\n')).toEqual([
      'Row,Prospect ID,Number,Type,Extension,Country,Status,Reason',
      `3,7,'+1 303 555 0141,mobile,,US,,"Number: This is too short, for a US number"`,
      '',
    ]);
    expect(importReportFileName(new Date(2026, 11, 4))).toBe(
      'phone-numbers-import-report-2026-12-04.csv',
    );
  });
});
