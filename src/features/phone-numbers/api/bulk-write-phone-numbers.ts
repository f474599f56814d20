import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { isPreconditionFailed } from '@/lib/api-error';
import { REQUESTS_AT_ONCE, runBounded } from '@/lib/run-bounded';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import type { ListedPhoneNumber, PhoneNumber } from '../schemas/phone-number';
import { describeWriteError } from '../utils/describe-write-error';
import type { PhoneNumberListParams } from './get-phone-numbers';
import { exportPage } from './export-phone-numbers';
import { ownWritesOf } from './own-writes';
import { invalidatePhoneNumberWrite, patchPhoneNumberInCache } from './phone-number-cache';
import { phoneNumberWriteKeys } from './phone-number-writes';
import { updatePhoneNumber } from './write-phone-numbers';

/** A row a bulk change left as it was, and why, in the words the app uses for a failed write. */
export interface BulkFailure {
  row: ListedPhoneNumber;
  reason: string;
}

/**
 * Why a row of a bulk change or delete was left as it was. A 412 is said in a rep's words: one number at
 * a time the app shows it as it is now (decision 0036), but a list can only say what happened.
 */
export function bulkFailureReason(error: unknown): string {
  return isPreconditionFailed(error)
    ? 'Someone changed this number after it was shown to you, so it was left as it is.'
    : describeWriteError(error);
}

export interface BulkChangeResult {
  /** Each changed row, as it was and as the server saved it. */
  changed: { before: ListedPhoneNumber; after: PhoneNumber }[];
  failed: BulkFailure[];
}

/**
 * PATCHes each row with its own changes (only those attributes), from the version it was read at, never
 * more than REQUESTS_AT_ONCE at once. Each PATCH is a mutation as a cell edit is: offline it waits
 * for the network, after a 429 it waits as asked, and the row is marked "Saving…" meanwhile.
 */
export async function changePhoneNumbers(
  queryClient: QueryClient,
  client: ApiClient,
  rows: readonly ListedPhoneNumber[],
  changesOf: (row: ListedPhoneNumber) => PhoneNumberWritableAttributes,
  onProgress: (done: number) => void,
): Promise<BulkChangeResult> {
  let done = 0;
  const results = await runBounded(
    rows,
    REQUESTS_AT_ONCE,
    async (row) => {
      const saved = await queryClient
        .getMutationCache()
        .build(queryClient, {
          mutationKey: phoneNumberWriteKeys.update,
          mutationFn: (variables: { row: ListedPhoneNumber }) =>
            ownWritesOf(queryClient).run(variables.row.id, variables.row.etag, (etag) =>
              updatePhoneNumber(client, variables.row.id, changesOf(variables.row), { etag }),
            ),
        })
        .execute({ row });
      patchPhoneNumberInCache(queryClient, saved.id, saved);
      return saved;
    },
    () => {
      done += 1;
      onProgress(done);
    },
  );
  void invalidatePhoneNumberWrite(queryClient, undefined);
  const result: BulkChangeResult = { changed: [], failed: [] };
  results.forEach((settled, index) => {
    const row = rows[index];
    if (row === undefined) return;
    if (settled.ok) result.changed.push({ before: row, after: settled.value });
    else result.failed.push({ row, reason: bulkFailureReason(settled.error) });
  });
  return result;
}

/**
 * Every number of the view (its filters and sort, all pages) with its permissions, for "Select all N
 * matching": the pages are fetched as an export fetches them.
 */
export async function fetchMatchingPhoneNumbers(
  client: ApiClient,
  params: PhoneNumberListParams,
  signal: AbortSignal,
  onProgress: (done: number, total: number | undefined) => void,
): Promise<ListedPhoneNumber[]> {
  const found: ListedPhoneNumber[] = [];
  let total: number | undefined;
  let after: string | undefined;
  do {
    const page = await exportPage(client, params, after, signal, () => undefined, true);
    found.push(...page.phoneNumbers);
    total ??= page.count;
    onProgress(found.length, total);
    after = page.nextCursor;
  } while (after !== undefined);
  return found;
}
