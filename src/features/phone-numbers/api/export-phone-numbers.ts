import type { ApiClient } from '@/lib/api-client';
import { sendWaitingOutRateLimits } from '@/lib/send-waiting-out-rate-limits';
import { phoneNumberCollectionSchema, type PhoneNumberPage } from '../schemas/phone-number';
import { phoneNumbersCsvLines, phoneNumbersCsvStart } from '../utils/phone-numbers-csv';
import {
  PHONE_NUMBERS_PATH,
  phoneNumberListSearchParams,
  type PhoneNumberListParams,
} from './get-phone-numbers';

/** The API's largest page: the fewest requests for a whole view. */
export const EXPORT_PAGE_SIZE = 1000;

export interface ExportProgress {
  /** The numbers fetched so far. */
  done: number;
  /** The numbers in the view, as the server counted them with the first page; undefined before. */
  total: number | undefined;
  /** While a 429 is waited out: the whole seconds until the page is asked for again. */
  waitSeconds?: number | undefined;
}

/**
 * One page of the view: the first counted, the others following the cursor of the one before. A 429 is
 * waited out as the app's reads wait one out (rate-limit.ts); any other failure ends the export.
 * `withPermissions` keeps each row's meta (a bulk change needs it; a file does not).
 */
export async function exportPage(
  client: ApiClient,
  params: PhoneNumberListParams,
  after: string | undefined,
  signal: AbortSignal,
  onWait: (secondsLeft: number) => void,
  withPermissions = false,
): Promise<PhoneNumberPage> {
  const searchParams = phoneNumberListSearchParams({ ...params, after, before: undefined });
  searchParams['page[size]'] = String(EXPORT_PAGE_SIZE);
  // Counting once is enough.
  if (!withPermissions) delete searchParams.provideAuthorizationMeta;
  if (after !== undefined) delete searchParams.count;
  return sendWaitingOutRateLimits(
    async () =>
      phoneNumberCollectionSchema.parse(
        await client.get(PHONE_NUMBERS_PATH, { searchParams, signal }),
      ),
    signal,
    onWait,
  );
}

/**
 * The whole view of the grid (its prospect, filters, number search and sort; every page, from the first)
 * as a CSV file. Nothing is kept of an export that fails or is aborted: the file is made at the end.
 */
export async function exportPhoneNumbers(
  client: ApiClient,
  params: PhoneNumberListParams,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (progress: ExportProgress) => void },
): Promise<Blob> {
  const parts = [phoneNumbersCsvStart()];
  let done = 0;
  let total: number | undefined;
  let after: string | undefined;
  do {
    const page = await exportPage(client, params, after, signal, (waitSeconds) => {
      onProgress({ done, total, waitSeconds });
    });
    parts.push(phoneNumbersCsvLines(page.phoneNumbers));
    done += page.phoneNumbers.length;
    total ??= page.count;
    onProgress({ done, total });
    after = page.nextCursor;
  } while (after !== undefined);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
