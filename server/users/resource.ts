import type { UserRow } from '../db/schema';
import type { QuerySpec } from '../http/query';
import { pickFields, type ResourceContext } from '../http/resource-context';

export const USER_TYPE = 'user';
export const USER_FIELDS = [
  'createdAt',
  'email',
  'firstName',
  'lastName',
  'name',
  'title',
  'updatedAt',
] as const;

export const userQuerySpec: QuerySpec = {
  filters: {
    id: { column: 'u.id', kind: 'integer', ranges: true },
  },
  sorts: {
    id: { column: 'u.id', kind: 'integer' },
    firstName: { column: 'u.first_name', kind: 'string' },
    lastName: { column: 'u.last_name', kind: 'string' },
  },
  tieBreak: { attribute: 'id', column: 'u.id', kind: 'integer' },
  defaultSort: ['id'],
  fields: { user: USER_FIELDS },
  includes: [],
};

export function userResource(row: UserRow, context: Pick<ResourceContext, 'apiBase' | 'fields'>) {
  return {
    type: USER_TYPE,
    id: row.id,
    attributes: pickFields(
      USER_TYPE,
      {
        createdAt: row.created_at,
        email: row.email,
        firstName: row.first_name,
        lastName: row.last_name,
        name: `${row.first_name} ${row.last_name}`,
        title: row.title,
        updatedAt: row.updated_at,
      },
      context.fields,
    ),
    links: { self: `${context.apiBase}/users/${row.id}` },
  };
}
