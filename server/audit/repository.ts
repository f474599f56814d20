import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { filterConditions, listCollection } from '../http/collection-query';
import type { CollectionQuery } from '../http/query';

/** The audit events a collection query selects, for `listCollection`. */
export function auditEventSource(db: Kysely<Database>, query: CollectionQuery) {
  return {
    name: 'auditEvents',
    base: () => db.selectFrom('audit_events as ae').selectAll('ae'),
    ...filterConditions(query.filters),
  };
}

export function listAuditEvents(db: Kysely<Database>, query: CollectionQuery) {
  return listCollection(db, auditEventSource(db, query), query);
}
