import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../db/schema';
import type { QuerySpec } from '../http/query';
import { pickFields, wantsField, type ResourceContext } from '../http/resource-context';

export const AUDIT_EVENT_TYPE = 'auditEvent';

export const AUDIT_EVENT_ATTRIBUTES = [
  'action',
  'actorName',
  'after',
  'before',
  'occurredAt',
  'resourceId',
  'resourceType',
] as const;

const RESOURCE_TYPES = { enum: ['phoneNumber', 'prospect', 'user'] };

/** Newest first by default: ids are handed out in the order the changes were written. */
export const auditEventQuerySpec: QuerySpec = {
  filters: {
    id: { column: 'ae.id', kind: 'integer', ranges: true },
    'prospect.id': { column: 'ae.prospect_id', kind: 'integer', ranges: false },
    resourceType: { column: 'ae.resource_type', kind: RESOURCE_TYPES, ranges: false },
    resourceId: { column: 'ae.resource_id', kind: 'integer', ranges: false },
  },
  sorts: { id: { column: 'ae.id', kind: 'integer' } },
  tieBreak: { attribute: 'id', column: 'ae.id', kind: 'integer' },
  defaultSort: ['-id'],
  fields: { auditEvent: [...AUDIT_EVENT_ATTRIBUTES, 'actor', 'prospect'] },
  includes: [],
};

const parsed = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export function auditEventResource(
  row: Selectable<AuditEventsTable>,
  context: Pick<ResourceContext, 'fields'>,
) {
  const { fields } = context;
  const relationships = {
    ...(wantsField(AUDIT_EVENT_TYPE, 'actor', fields)
      ? { actor: { data: { type: 'user', id: row.actor_user_id } } }
      : {}),
    ...(wantsField(AUDIT_EVENT_TYPE, 'prospect', fields)
      ? {
          prospect: {
            data: row.prospect_id === null ? null : { type: 'prospect', id: row.prospect_id },
          },
        }
      : {}),
  };
  return {
    type: AUDIT_EVENT_TYPE,
    id: row.id,
    attributes: pickFields(
      AUDIT_EVENT_TYPE,
      {
        action: row.action,
        actorName: row.actor_name,
        after: parsed(row.after_json),
        before: parsed(row.before_json),
        occurredAt: row.occurred_at,
        resourceId: row.resource_id,
        resourceType: row.resource_type,
      },
      fields,
    ),
    ...(Object.keys(relationships).length > 0 ? { relationships } : {}),
  };
}
