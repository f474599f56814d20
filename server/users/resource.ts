import type { Principal } from '../auth/governance';
import type { UserRow } from '../db/schema';
import type { QuerySpec } from '../http/query';
import { pickFields, type ResourceContext } from '../http/resource-context';

export const USER_TYPE = 'user';
export const USER_FIELDS = [
  'createdAt',
  'currentSignInAt',
  'email',
  'firstName',
  'lastName',
  'locked',
  'name',
  'role',
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

/**
 * A user's role, whether they are locked out, and when they last signed in are for admins, and for the
 * user themself (the app shows admins what only they may do); everyone else sees the directory entry.
 */
const seesAccount = (principal: Principal, row: UserRow) =>
  principal.role === 'admin' || principal.userId === row.id;

export function userResource(
  row: UserRow,
  context: Pick<ResourceContext, 'apiBase' | 'fields' | 'principal'>,
) {
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
        name: `${row.first_name} ${row.last_name}`.trim(),
        title: row.title,
        updatedAt: row.updated_at,
        ...(seesAccount(context.principal, row)
          ? {
              role: row.role,
              locked: row.deactivated_at !== null,
              currentSignInAt: row.last_sign_in_at,
            }
          : {}),
      },
      context.fields,
    ),
    links: { self: `${context.apiBase}/users/${row.id}` },
  };
}
