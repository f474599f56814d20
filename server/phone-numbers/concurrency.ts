import type { PhoneNumberRow } from '../db/schema';
import { preconditionFailed } from '../http/errors';
import { ifMatchHolds, weakEtag } from '../http/preconditions';

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
