import {
  parsePhoneNumberInput,
  phoneNumberDraftSchema,
  phoneStatusSchema,
  type PhoneNumberDraft,
} from '@contract/phone-number-rules';
import { DEFAULT_COUNTRY, isIsoCountryCode } from '@contract/iso-countries';
import type { PhoneStatus } from '@contract/phone-number-values';

/** The columns an import reads; any other column (Prospect name, Updated at, Reason) is left alone. */
export const IMPORT_COLUMNS = [
  'prospectId',
  'number',
  'phoneType',
  'extension',
  'countryCode',
  'status',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The export's header names, which the preview and the report use too. */
export const IMPORT_COLUMN_LABELS: Record<ImportColumn, string> = {
  prospectId: 'Prospect ID',
  number: 'Number',
  phoneType: 'Type',
  extension: 'Extension',
  countryCode: 'Country',
  status: 'Status',
};

/** Header names as they read once lower-cased without spaces, dashes and underscores. */
const HEADER_NAMES: Record<string, ImportColumn> = {
  prospectid: 'prospectId',
  prospect: 'prospectId',
  number: 'number',
  phonenumber: 'number',
  type: 'phoneType',
  phonetype: 'phoneType',
  extension: 'extension',
  country: 'countryCode',
  countrycode: 'countryCode',
  status: 'status',
};

const REQUIRED: readonly ImportColumn[] = ['prospectId', 'number'];

/** More rows than this are refused as a whole: split the file. */
export const MAX_IMPORT_ROWS = 50_000;

/** Where each column is in a record; a column the file lacks is absent. */
export type ImportColumns = Partial<Record<ImportColumn, number>>;

/** "Prospect ID", "prospectId", "prospect_id", "\uFEFFProspect ID" all name the same column. */
const normalised = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** The columns the header names, or why the file can't be read as an import. */
export function importColumnsOf(
  header: readonly string[] | undefined,
): { ok: true; columns: ImportColumns } | { ok: false; problem: string } {
  const columns: ImportColumns = {};
  header?.forEach((name, index) => {
    const column = HEADER_NAMES[normalised(name)];
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  const missing = REQUIRED.filter((column) => columns[column] === undefined);
  if (missing.length === 0) return { ok: true, columns };
  const names = missing.map((column) => IMPORT_COLUMN_LABELS[column]).join(' and ');
  return {
    ok: false,
    problem: `The file has no ${names} column. Its first line must name the columns: ${IMPORT_COLUMNS.map(
      (column) => IMPORT_COLUMN_LABELS[column],
    ).join(', ')}.`,
  };
}

/** What a row of the file says, each cell trimmed ('' where empty or missing). */
export type ImportCells = Record<ImportColumn, string>;

/** A number to add: its prospect, the draft as the form makes it, and the status the file gave. */
export interface NewPhoneNumber {
  prospectId: number;
  draft: PhoneNumberDraft;
  status: PhoneStatus | undefined;
}

export type ImportVerdict =
  | { kind: 'add'; phoneNumber: NewPhoneNumber }
  | { kind: 'duplicate'; reason: string }
  | { kind: 'error'; reason: string };

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: ImportCells;
  verdict: ImportVerdict;
}

/** The export guards cells a spreadsheet would run with a leading ' (decision 0060): read them back. */
const GUARDED = /^'(?=[=+\-@\t\r])/;

function cellsOf(record: readonly string[], columns: ImportColumns): ImportCells {
  const cell = (column: ImportColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (record[index] ?? '').trim().replace(GUARDED, '');
  };
  return {
    prospectId: cell('prospectId'),
    number: cell('number'),
    phoneType: cell('phoneType'),
    extension: cell('extension'),
    countryCode: cell('countryCode'),
    status: cell('status'),
  };
}

/** "Do not call", "DO_NOT_CALL" and "do_not_call" are one status; "Mobile" is mobile. */
const valueOf = (cell: string) => cell.toLowerCase().replace(/\s+/g, '_');

/** An empty Country: the number's own when it is written with "+", else the form's default. */
function countryOf(cells: ImportCells): string {
  if (cells.countryCode !== '') return cells.countryCode;
  if (!cells.number.startsWith('+')) return DEFAULT_COUNTRY;
  const parsed = parsePhoneNumberInput(cells.number, undefined);
  return parsed.ok && parsed.country !== undefined && isIsoCountryCode(parsed.country)
    ? parsed.country
    : DEFAULT_COUNTRY;
}

const DRAFT_COLUMNS: Record<string, ImportColumn> = {
  number: 'number',
  countryCode: 'countryCode',
  phoneType: 'phoneType',
  extension: 'extension',
};

/** Prospects are found by ID: our API's prospects have no emails (decision 0062). */
function prospectProblem(cell: string): string | undefined {
  if (cell === '') return 'Prospect ID: Give the ID of the prospect the number is for';
  if (cell.includes('@')) {
    return 'Prospect ID: Prospects are found by their ID, not by email; give the ID, such as 42';
  }
  if (!/^[1-9]\d{0,14}$/.test(cell)) {
    return 'Prospect ID: A prospect ID is a whole number, such as 42';
  }
  return undefined;
}

/** One row, read with the form's rules: the number it adds, or every problem it has, by column. */
export function verdictOf(cells: ImportCells): ImportVerdict {
  const problems: string[] = [];
  const prospect = prospectProblem(cells.prospectId);
  if (prospect !== undefined) problems.push(prospect);
  const draft = phoneNumberDraftSchema.safeParse({
    number: cells.number,
    countryCode: countryOf(cells),
    phoneType: cells.phoneType === '' ? 'other' : valueOf(cells.phoneType),
    extension: cells.extension,
  });
  const seen = new Set<string>();
  for (const issue of draft.error?.issues ?? []) {
    const column = DRAFT_COLUMNS[String(issue.path[0])] ?? 'number';
    const problem = `${IMPORT_COLUMN_LABELS[column]}: ${issue.message}`;
    if (!seen.has(problem)) problems.push(problem);
    seen.add(problem);
  }
  const status =
    cells.status === '' ? undefined : phoneStatusSchema.safeParse(valueOf(cells.status));
  if (status?.success === false) {
    problems.push(`Status: ${status.error.issues[0]?.message ?? 'Choose a status'}`);
  }
  if (problems.length > 0 || !draft.success) {
    return { kind: 'error', reason: problems.join('; ') };
  }
  return {
    kind: 'add',
    phoneNumber: {
      prospectId: Number(cells.prospectId),
      draft: draft.data,
      status: status?.data,
    },
  };
}

/** What makes two numbers one on a prospect, as the server sees it: E.164 and extension. */
export function duplicateKey(prospectId: number, number: string, extension: string | null) {
  return `${prospectId} ${number} ${extension ?? ''}`;
}

const keyOf = ({ prospectId, draft }: NewPhoneNumber) =>
  duplicateKey(prospectId, draft.number, draft.extension);

/** Gives the event loop a turn, so that a long loop does not freeze the page. */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

/** How long a slice of work may run before the page gets a turn (a long task is over 50 ms). */
const SLICE_MS = 30;

export interface ReadImportOptions {
  signal?: AbortSignal | undefined;
  /** Told how many rows are read, now and then. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * The records after the header, each read with the form's rules, in slices that leave the page free.
 * A number already on a row above for the same prospect is a duplicate of that row.
 */
export async function readImportRows(
  records: readonly (readonly string[])[],
  columns: ImportColumns,
  { signal, onProgress }: ReadImportOptions = {},
): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  // The file was read in the task before: the rows start in a slice of their own.
  await yieldToPage();
  signal?.throwIfAborted();
  let sliceStart = performance.now();
  for (let index = 0; index < records.length; index += 1) {
    if (performance.now() - sliceStart > SLICE_MS) {
      onProgress?.(index, records.length);
      await yieldToPage();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    const row = index + 2;
    const cells = cellsOf(records[index] ?? [], columns);
    let verdict = verdictOf(cells);
    if (verdict.kind === 'add') {
      const key = keyOf(verdict.phoneNumber);
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, row);
      else verdict = { kind: 'duplicate', reason: `Also on row ${first} of this file` };
    }
    rows.push({ row, cells, verdict });
  }
  onProgress?.(records.length, records.length);
  return rows;
}

/** What the server says of a prospect the file names: may the user add numbers to it, and why not. */
export interface ImportProspect {
  canWrite: boolean;
  writeRefusal: string | null;
}

export const NO_SUCH_PROSPECT = 'Prospect ID: No prospect has this ID';
export const ALREADY_THERE = 'Already on this prospect';

/**
 * The rows as the server's data judge them: a prospect that does not exist or the user may not change
 * makes an error, a number the prospect already has a duplicate.
 */
export function judgeByServer(
  rows: readonly ImportRow[],
  prospects: ReadonlyMap<number, ImportProspect>,
  existing: ReadonlySet<string>,
  noWrite: string,
): ImportRow[] {
  return rows.map((row) => {
    if (row.verdict.kind !== 'add') return row;
    const prospect = prospects.get(row.verdict.phoneNumber.prospectId);
    if (prospect === undefined)
      return { ...row, verdict: { kind: 'error', reason: NO_SUCH_PROSPECT } };
    if (!prospect.canWrite) {
      return { ...row, verdict: { kind: 'error', reason: prospect.writeRefusal ?? noWrite } };
    }
    if (existing.has(keyOf(row.verdict.phoneNumber))) {
      return { ...row, verdict: { kind: 'duplicate', reason: ALREADY_THERE } };
    }
    return row;
  });
}

export interface ImportCounts {
  add: number;
  duplicate: number;
  error: number;
}

export function countVerdicts(rows: readonly ImportRow[]): ImportCounts {
  const counts: ImportCounts = { add: 0, duplicate: 0, error: 0 };
  for (const { verdict } of rows) counts[verdict.kind] += 1;
  return counts;
}

/** "Will add", "Duplicate: Already on this prospect", "Error: Number: This isn't a phone number". */
export function describeVerdict(verdict: ImportVerdict): string {
  if (verdict.kind === 'add') return 'Will add';
  return `${verdict.kind === 'duplicate' ? 'Duplicate' : 'Error'}: ${verdict.reason}`;
}
