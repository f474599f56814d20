import type { ListedPhoneNumber } from '../schemas/phone-number';

/** What a row of the export holds: a listed number and its prospect's name. */
export type ExportedPhoneNumber = Pick<
  ListedPhoneNumber,
  | 'prospectId'
  | 'prospectName'
  | 'number'
  | 'phoneType'
  | 'extension'
  | 'countryCode'
  | 'status'
  | 'updatedAt'
>;

/** Makes Excel read the file as UTF-8, so that "García" is not "GarcÃ­a"; other readers skip it. */
export const CSV_BOM = '\uFEFF';

const LINE_END = '\r\n';

const HEADER = [
  'Prospect ID',
  'Prospect name',
  'Number',
  'Type',
  'Extension',
  'Country',
  'Status',
  'Updated at',
] as const;

/** A cell a spreadsheet would run as a formula (OWASP's list: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number as the API stores it: E.164, a plus and digits only, which no spreadsheet runs as code. */
const E164 = /^\+[1-9]\d{1,14}$/;

/** RFC 4180: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A text cell: one a spreadsheet would run as a formula starts with ' instead (decision 0060). */
export function textCell(value: string | null): string {
  if (value === null) return '';
  return quoted(FORMULA_START.test(value) ? `'${value}` : value);
}

/** A Number cell: an E.164 number as it is, so that it reads back the same; anything else as text. */
export function numberCell(value: string | null): string {
  return value !== null && E164.test(value) ? value : textCell(value);
}

function line(cells: readonly string[]): string {
  return cells.join(',') + LINE_END;
}

/** The header line, after the BOM: where a file starts. */
export function phoneNumbersCsvStart(): string {
  return CSV_BOM + line(HEADER.map(textCell));
}

/** The lines of these numbers, each ending with CRLF, to follow the start and one another. */
export function phoneNumbersCsvLines(numbers: readonly ExportedPhoneNumber[]): string {
  return numbers
    .map((phoneNumber) =>
      line([
        phoneNumber.prospectId === null ? '' : String(phoneNumber.prospectId),
        textCell(phoneNumber.prospectName),
        numberCell(phoneNumber.number),
        textCell(phoneNumber.phoneType),
        textCell(phoneNumber.extension),
        textCell(phoneNumber.countryCode),
        textCell(phoneNumber.status),
        textCell(phoneNumber.updatedAt),
      ]),
    )
    .join('');
}

/** A whole file of these numbers. */
export function phoneNumbersCsv(numbers: readonly ExportedPhoneNumber[]): string {
  return phoneNumbersCsvStart() + phoneNumbersCsvLines(numbers);
}

/** `phone-numbers-2026-12-04.csv`, by the date where the rep is. */
export function phoneNumbersCsvFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `phone-numbers-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** A row of an import that was not added: what the file said, and why. */
export interface ImportReportRow {
  /** The row's number in the imported file. */
  row: number;
  cells: Record<
    'prospectId' | 'number' | 'phoneType' | 'extension' | 'countryCode' | 'status',
    string
  >;
  reason: string;
}

const REPORT_HEADER = [
  'Row',
  'Prospect ID',
  'Number',
  'Type',
  'Extension',
  'Country',
  'Status',
  'Reason',
] as const;

/**
 * The report of an import's rows that were not added, with the cells as the file had them: fixed, the
 * file imports again as it is (the import reads the same header names and skips Row and Reason).
 */
export function importReportCsv(rows: readonly ImportReportRow[]): string {
  return (
    CSV_BOM +
    line(REPORT_HEADER.map(textCell)) +
    rows
      .map(({ row, cells, reason }) =>
        line([
          String(row),
          textCell(cells.prospectId),
          numberCell(cells.number),
          textCell(cells.phoneType),
          textCell(cells.extension),
          textCell(cells.countryCode),
          textCell(cells.status),
          textCell(reason),
        ]),
      )
      .join('')
  );
}

/** `phone-numbers-import-report-2026-12-04.csv`, by the date where the rep is. */
export function importReportFileName(now: Date): string {
  return phoneNumbersCsvFileName(now).replace('phone-numbers-', 'phone-numbers-import-report-');
}
