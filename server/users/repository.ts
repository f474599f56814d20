import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema';
import { filterConditions, keptRowCount, listCollection } from '../http/collection-query';
import type { CollectionQuery } from '../http/query';

const selectUsers = (db: Kysely<Database>) => db.selectFrom('users as u').selectAll('u');

/** The users a collection query selects, for `listCollection`. */
export function userSource(db: Kysely<Database>, query: CollectionQuery) {
  return {
    name: 'users',
    base: () => selectUsers(db),
    ...filterConditions(query.filters),
    keptCount: query.filters.length === 0 ? () => keptRowCount(db, 'users') : undefined,
  };
}

export function listUsers(db: Kysely<Database>, query: CollectionQuery) {
  return listCollection(db, userSource(db, query), query);
}

export function findUsers(db: Kysely<Database>, ids: readonly number[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectUsers(db).where('u.id', 'in', ids).orderBy('u.id').execute();
}
