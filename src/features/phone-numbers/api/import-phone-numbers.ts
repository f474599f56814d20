import type { ApiClient } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { REQUESTS_AT_ONCE, runBounded } from '@/lib/run-bounded';
import { sendWaitingOutRateLimits } from '@/lib/send-waiting-out-rate-limits';
import { describeWriteError } from '../utils/describe-write-error';
import type { ImportRow, NewPhoneNumber } from '../utils/phone-numbers-import';
import { createPhoneNumber } from './write-phone-numbers';

/** A row the preview said to add, with what to send. */
export type ImportableRow = ImportRow & { verdict: { kind: 'add'; phoneNumber: NewPhoneNumber } };

export const isImportable = (row: ImportRow): row is ImportableRow => row.verdict.kind === 'add';

export interface ImportProgress {
  /** Rows the server has answered, added or refused, of `total`. */
  done: number;
  total: number;
  /** While a 429 is waited out: the whole seconds until the write goes again. */
  waitSeconds?: number | undefined;
}

export interface ImportOutcome {
  added: number;
  /** Rows the server refused, each with its reason. */
  refused: { row: ImportableRow; reason: string }[];
  /** Rows never sent: the rep cancelled first. */
  notSent: ImportableRow[];
}

/**
 * Why the server refused a row: its own words for a refusal of this row (a 422's detail, a 403 naming
 * who may), the app's for anything else (a lost connection, a wait too long).
 */
function reasonOf(error: unknown): string {
  if (
    error instanceof ApiError &&
    !error.isScopeRefusal &&
    [403, 404, 409, 422].includes(error.status)
  ) {
    return error.message;
  }
  return describeWriteError(error);
}

/**
 * POSTs the rows, REQUESTS_AT_ONCE at a time (one per prospect), each as the Add dialog's create does (the same
 * client, document and rules). A refused row goes on to the next; a 429 is waited out. `stop` (Cancel)
 * sends nothing more: the writes under way are answered and counted, the rest are not sent.
 */
export async function importPhoneNumbers(
  client: ApiClient,
  rows: readonly ImportableRow[],
  { stop, onProgress }: { stop: AbortSignal; onProgress: (progress: ImportProgress) => void },
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: 0, refused: [], notSent: [] };
  let done = 0;
  const total = rows.length;
  const write = async (row: ImportableRow) => {
    const { prospectId, draft, status } = row.verdict.phoneNumber;
    try {
      await sendWaitingOutRateLimits(
        () => createPhoneNumber(client, prospectId, draft, status),
        stop,
        (waitSeconds) => {
          onProgress({ done, total, waitSeconds });
        },
      );
      outcome.added += 1;
    } catch (error) {
      // Cancelled during a 429's wait: that row was refused, and is not sent again.
      if (stop.aborted && error instanceof DOMException) outcome.notSent.push(row);
      else outcome.refused.push({ row, reason: reasonOf(error) });
    }
    done += 1;
    onProgress({ done, total });
  };
  // A prospect's rows go one after another, in the file's order, so that its numbers keep that order
  // (new numbers go last); several prospects are written at once.
  const byProspect = new Map<number, ImportableRow[]>();
  for (const row of rows) {
    const prospectId = row.verdict.phoneNumber.prospectId;
    const queue = byProspect.get(prospectId);
    if (queue === undefined) byProspect.set(prospectId, [row]);
    else queue.push(row);
  }
  const sent = new Set<ImportableRow>();
  onProgress({ done, total });
  await runBounded([...byProspect.values()], REQUESTS_AT_ONCE, async (queue) => {
    for (const row of queue) {
      if (stop.aborted) return;
      sent.add(row);
      await write(row);
    }
  });
  outcome.notSent.push(...rows.filter((row) => !sent.has(row)));
  return outcome;
}
