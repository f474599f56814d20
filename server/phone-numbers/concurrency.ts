import type { Kysely } from 'kysely';
import type { Database, PhoneNumberRow } from '../db/schema';
import { preconditionFailed } from '../http/errors';
import { ifMatchHolds, weakEtag } from '../http/preconditions';
import type { PhoneNumberChange } from './audit';
import { findOrderHolder, findPhoneNumberRow, updatePhoneNumber } from './repository';

export const phoneNumberEtag = (row: Pick<PhoneNumberRow, 'version'>) => weakEtag(row.version);

/** The 412 for a write whose If-Match names a state the number has left; says when it changed. */
export function changedSince(current: Pick<PhoneNumberRow, 'id' | 'version' | 'updated_at'>) {
  return preconditionFailed(
    `Phone number ${current.id} was changed at ${current.updated_at}, after the version you sent in If-Match; read it again and apply your change to what it is now.`,
    phoneNumberEtag(current),
  );
}

/**
 * The version a write must find the number at: the one it was read at when If-Match holds (a 412 when it
 * does not), none to check without If-Match, which keeps the last write winning as Outreach clients
 * expect.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  existing: Pick<PhoneNumberRow, 'id' | 'version' | 'updated_at'>,
): number | undefined {
  if (ifMatch === undefined) return undefined;
  if (!ifMatchHolds(ifMatch, phoneNumberEtag(existing))) throw changedSince(existing);
  return existing.version;
}

/**
 * Before a number takes `order`, the prospect's number that holds it takes the order the moving number
 * leaves: the orders are exchanged, never duplicated, so they stay distinct whichever way concurrent
 * reorders interleave, and any run of PATCHes whose orders are distinct ends as its client asked (see
 * docs/decisions/0035-reorder-by-exchange.md). Runs inside the write's transaction; gives the holder's
 * change, for the audit trail.
 */
export async function exchangeOrder(
  trx: Kysely<Database>,
  moving: Pick<PhoneNumberRow, 'id' | 'prospect_id' | 'sort_order'>,
  order: number,
  nowIso: string,
): Promise<PhoneNumberChange | undefined> {
  const holder = await findOrderHolder(trx, {
    prospectId: moving.prospect_id,
    order,
    exceptId: moving.id,
  });
  if (holder === undefined) return undefined;
  await updatePhoneNumber(trx, holder.id, { sort_order: moving.sort_order, updated_at: nowIso });
  return { before: holder, after: await findPhoneNumberRow(trx, holder.id) };
}
