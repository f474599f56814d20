import * as z from 'zod/mini';
import type { ApiClient } from '@/lib/api-client';
import { authorizationMetaSchema, resourceIdSchema } from '@/lib/json-api-schemas';
import { REQUESTS_AT_ONCE, runBounded } from '@/lib/run-bounded';
import { sendWaitingOutRateLimits } from '@/lib/send-waiting-out-rate-limits';
import { phoneNumberCollectionSchema } from '../schemas/phone-number';
import {
  duplicateKey,
  judgeByServer,
  type ImportProspect,
  type ImportRow,
} from '../utils/phone-numbers-import';
import { NO_WRITE } from '../utils/row-refusals';
import { PHONE_NUMBERS_PATH } from './get-phone-numbers';

/** Prospects asked for in one request: a URL of a hundred ids stays short. */
export const PROSPECTS_PER_CHECK = 100;
const PAGE_SIZE = '1000';

/** Of each prospect, only whether it exists and may be written, and why not. */
const prospectPermissionsSchema = z.pipe(
  z.object({
    data: z.array(
      z.object({
        type: z.literal('prospect'),
        id: resourceIdSchema,
        meta: authorizationMetaSchema,
      }),
    ),
  }),
  z.transform(({ data }) =>
    data.map(({ id, meta }) => ({
      id,
      // An API that does not say leaves the decision to the server, which refuses what it must.
      canWrite: meta?.canWrite ?? true,
      writeRefusal: meta?.writeRefusal ?? null,
    })),
  ),
);

export interface CheckProgress {
  /** Prospects checked so far, of `total`. */
  done: number;
  total: number;
  waitSeconds?: number | undefined;
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}

/**
 * The rows the file would add, checked against the server before anything is written: each prospect
 * named must exist and be one the user may change (its `meta.canWrite`, which the server enforces
 * anyway), and a number it already has is a duplicate. A hundred prospects per request, four requests
 * at a time; a 429 is waited out.
 */
export async function checkImportRows(
  client: ApiClient,
  rows: readonly ImportRow[],
  { signal, onProgress }: { signal: AbortSignal; onProgress: (progress: CheckProgress) => void },
): Promise<ImportRow[]> {
  const ids = [
    ...new Set(
      rows.flatMap(({ verdict }) =>
        verdict.kind === 'add' ? [verdict.phoneNumber.prospectId] : [],
      ),
    ),
  ];
  const prospects = new Map<number, ImportProspect>();
  const existing = new Set<string>();
  let done = 0;
  const onWait = (waitSeconds: number) => {
    onProgress({ done, total: ids.length, waitSeconds });
  };
  const get = (path: string, searchParams: Record<string, string>) =>
    sendWaitingOutRateLimits(() => client.get(path, { searchParams, signal }), signal, onWait);

  onProgress({ done, total: ids.length });
  const batches = batchesOf(ids, PROSPECTS_PER_CHECK);
  const checked = await runBounded(batches, REQUESTS_AT_ONCE, async (batch) => {
    const filter = batch.join(',');
    const found = prospectPermissionsSchema.parse(
      await get('prospects', {
        'filter[id]': filter,
        'fields[prospect]': 'name',
        provideAuthorizationMeta: 'true',
        'page[size]': PAGE_SIZE,
      }),
    );
    for (const { id, ...permissions } of found) prospects.set(id, permissions);
    const searchParams: Record<string, string> = {
      'filter[prospect][id]': filter,
      'fields[phoneNumber]': 'number,extension,prospect',
      'page[size]': PAGE_SIZE,
    };
    for (let after: string | undefined; ;) {
      const page = phoneNumberCollectionSchema.parse(
        await get(
          PHONE_NUMBERS_PATH,
          after === undefined ? searchParams : { ...searchParams, 'page[after]': after },
        ),
      );
      for (const { prospectId, number, extension } of page.phoneNumbers) {
        if (prospectId !== null && number !== null) {
          existing.add(duplicateKey(prospectId, number, extension));
        }
      }
      after = page.nextCursor;
      if (after === undefined) break;
    }
    done += batch.length;
    onProgress({ done, total: ids.length });
  });
  // A batch that could not be checked fails the check: the preview says why.
  for (const result of checked) if (!result.ok) throw result.error;
  return judgeByServer(rows, prospects, existing, NO_WRITE);
}
