import type { Kysely } from 'kysely';
import type { AuditAction, AuditResourceType, Database } from '../db/schema';

/** One accepted change, as the code that makes it describes it. */
export interface AuditEvent {
  actor: { userId: number; name: string };
  action: AuditAction;
  resourceType: AuditResourceType;
  resourceId: number;
  prospectId: number | null;
  /** The resource's attributes before the change; null for a create. */
  before: Readonly<Record<string, unknown>> | null;
  /** The resource's attributes after the change; null for a delete. */
  after: Readonly<Record<string, unknown>> | null;
  /** ISO 8601, the server's clock. */
  at: string;
}

/**
 * Records a change in the audit trail. `db` is the transaction that makes the change, so that the
 * change and its record are written together or not at all.
 */
export async function recordAuditEvent(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      occurred_at: event.at,
      actor_user_id: event.actor.userId,
      actor_name: event.actor.name,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId,
      prospect_id: event.prospectId,
      before_json: event.before === null ? null : JSON.stringify(event.before),
      after_json: event.after === null ? null : JSON.stringify(event.after),
    })
    .execute();
}
