import type { ApiClient } from '@/lib/api-client';
import { auditEventPageSchema, type AuditEventPage } from '../schemas/audit-event';

export const HISTORY_PAGE_SIZE = 20;

/** A page of a prospect's history, newest first; `after` is the cursor the previous page gave. */
export async function getProspectHistory(
  client: ApiClient,
  prospectId: number,
  after: string | undefined,
  signal: AbortSignal,
): Promise<AuditEventPage> {
  const body = await client.get('auditEvents', {
    searchParams: {
      'filter[prospect][id]': String(prospectId),
      'page[size]': String(HISTORY_PAGE_SIZE),
      ...(after === undefined ? {} : { 'page[after]': after }),
    },
    signal,
  });
  return auditEventPageSchema.parse(body);
}
