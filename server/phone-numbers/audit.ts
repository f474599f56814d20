import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit/audit-log';
import type { Principal } from '../auth/governance';
import type { AuditAction, Database, PhoneNumberRow } from '../db/schema';
import { phoneNumberAttributes } from './resource';

/** One number's state before and after a write; undefined before a create and after a delete. */
export interface PhoneNumberChange {
  before: PhoneNumberRow | undefined;
  after: PhoneNumberRow | undefined;
}

type Attributes = ReturnType<typeof phoneNumberAttributes>;

/** Attributes that move with any change, and so say nothing of which change it was. */
const CONSEQUENTIAL = new Set<keyof Attributes>(['updatedAt']);

function actionOf(before: Attributes | null, after: Attributes | null): AuditAction {
  if (before === null) return 'created';
  if (after === null) return 'deleted';
  const moved = (Object.keys(after) as (keyof Attributes)[]).filter(
    (name) => !CONSEQUENTIAL.has(name) && before[name] !== after[name],
  );
  return moved.length === 1 && moved[0] === 'order' ? 'reordered' : 'updated';
}

/**
 * Records a number's accepted change, in the transaction that makes it, with the attributes the API
 * shows before and after: a change of `order` alone is a reorder, whether the client asked for it or it
 * was the other half of a swap (docs/decisions/0050-audit-trail.md).
 */
export async function recordPhoneNumberChange(
  trx: Kysely<Database>,
  principal: Principal,
  at: string,
  { before, after }: PhoneNumberChange,
): Promise<void> {
  const row = after ?? before;
  if (row === undefined) throw new Error('A change has a state before it or after it');
  const beforeAttributes = before === undefined ? null : phoneNumberAttributes(before);
  const afterAttributes = after === undefined ? null : phoneNumberAttributes(after);
  await recordAuditEvent(trx, {
    actor: { userId: principal.userId, name: principal.name },
    action: actionOf(beforeAttributes, afterAttributes),
    resourceType: 'phoneNumber',
    resourceId: row.id,
    prospectId: row.prospect_id,
    before: beforeAttributes,
    after: afterAttributes,
    at,
  });
}
