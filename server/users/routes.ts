import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { ROLES, userCreateAttributesSchema, type Role } from '../../contract/user-documents';
import { recordAuditEvent, type AuditEvent } from '../audit/audit-log';
import { decide, enforce, requireScope, type Principal } from '../auth/governance';
import type { TokenService } from '../auth/tokens';
import type { Database, UserRow } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { methodNotAllowed, notFound, validationFailed, type FieldError } from '../http/errors';
import { documentResponse } from '../http/json-api';
import { collectionLinks } from '../http/pagination';
import { parseQuery } from '../http/query';
import { memberNotTaken, pointerSegment } from '../http/request-document';
import { idParam, requestUrl, resourceContext, searchParams } from '../http/route-helpers';
import { limitRequestBody, readRequestResource } from '../http/write-request';
import {
  changeUser,
  endSignInsOf,
  findUsers,
  insertUser,
  listUsers,
  lockForChange,
  type NewUser,
  type UserChanges,
} from './repository';
import { USER_TYPE, userQuerySpec, userResource } from './resource';

interface RouteOptions {
  db: Kysely<Database>;
  now: () => number;
  /** Forgets a changed user's remembered principals, so that their next request meets the change. */
  tokens: Pick<TokenService, 'forgetUser'>;
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** What a PATCH asks to change: role and locked, nothing else (decision 0051). */
function readChanges(attributes: Record<string, unknown>, at: string): UserChanges {
  const problems: FieldError[] = [];
  const changes: UserChanges = {};
  for (const [name, value] of Object.entries(attributes)) {
    const pointer = `/data/attributes/${pointerSegment(name)}`;
    if (name === 'role') {
      if (isRole(value)) changes.role = value;
      else problems.push({ pointer, detail: `role must be one of ${ROLES.join(', ')}.` });
    } else if (name === 'locked') {
      if (typeof value === 'boolean') changes.deactivated_at = value ? at : null;
      else problems.push({ pointer, detail: 'locked must be true (deactivate) or false.' });
    } else {
      problems.push(
        memberNotTaken(
          'attributes',
          name,
          (cut) => `A user's ${cut} is not changed here; role and locked are.`,
        ),
      );
    }
  }
  if (problems.length > 0) throw validationFailed(problems);
  return changes;
}

/**
 * What a POST says of the new user, checked by the contract's schema, whose messages go to the
 * attributes they are about; an attribute no new user has is named at its own pointer.
 */
function readNewUser(attributes: Record<string, unknown>): NewUser {
  const parsed = userCreateAttributesSchema.safeParse(attributes);
  if (parsed.success) {
    const { email, firstName = '', lastName = '', title, role } = parsed.data;
    return {
      email,
      ...(firstName === '' && lastName === '' ? namesFromEmail(email) : { firstName, lastName }),
      title: title === undefined || title === '' ? null : title,
      role,
    };
  }
  const problems = parsed.error.issues.flatMap((issue): FieldError[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((name) => ({
          pointer: `/data/attributes/${pointerSegment(name)}`,
          detail: `A new user has no ${name.slice(0, 80)}; give email, firstName, lastName, title and role.`,
        }))
      : [
          {
            pointer: `/data/attributes/${pointerSegment(String(issue.path[0] ?? ''))}`,
            detail: issue.message,
          },
        ],
  );
  throw validationFailed(problems);
}

/** A name for someone added by email alone: its local part, as the sign-in names ADMIN_EMAILS' people. */
function namesFromEmail(email: string) {
  return { firstName: email.slice(0, email.lastIndexOf('@')), lastName: '' };
}

/** The audit events of a change: one per thing that changed, before → after. */
function auditEvents(
  principal: Principal,
  existing: UserRow,
  changes: UserChanges,
  at: string,
): AuditEvent[] {
  const common = {
    actor: { userId: principal.userId, name: principal.name },
    resourceType: 'user' as const,
    resourceId: existing.id,
    prospectId: null,
    at,
  };
  const events: AuditEvent[] = [];
  if (changes.role !== undefined && changes.role !== existing.role) {
    events.push({
      ...common,
      action: 'roleChanged',
      before: { role: existing.role },
      after: { role: changes.role },
    });
  }
  const wasLocked = existing.deactivated_at !== null;
  if (changes.deactivated_at !== undefined && (changes.deactivated_at !== null) !== wasLocked) {
    events.push({
      ...common,
      action: wasLocked ? 'reactivated' : 'deactivated',
      before: { locked: wasLocked },
      after: { locked: !wasLocked },
    });
  }
  return events;
}

const lastAdminProblem = (user: UserRow, changes: UserChanges): FieldError => ({
  pointer: changes.role !== undefined ? '/data/attributes/role' : '/data/attributes/locked',
  detail: `${user.first_name} ${user.last_name} is the last active admin; make someone else an admin first.`,
});

export function userRoutes({ db, now, tokens }: RouteOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    requireScope(c.get('principal'), 'users', 'read');
    const query = parseQuery(searchParams(c), userQuerySpec);
    const { page, meta } = await listUsers(db, query);
    const context = resourceContext(c, query);
    return documentResponse(c, {
      data: page.rows.map((row) => userResource(row, context)),
      links: collectionLinks(requestUrl(c), query.sort, page),
      ...(meta === undefined ? {} : { meta }),
    });
  });

  app.get('/:id', async (c) => {
    requireScope(c.get('principal'), 'users', 'read');
    const query = parseQuery(searchParams(c), userQuerySpec, true);
    const id = idParam(c, 'user');
    const [row] = await findUsers(db, [id]);
    if (!row) throw notFound(`There is no user with id ${id}.`);
    return documentResponse(c, { data: userResource(row, resourceContext(c, query)) });
  });

  app.post('/', limitRequestBody, async (c) => {
    const principal = c.get('principal');
    enforce(decide(principal, 'users', 'write'));
    const query = parseQuery(searchParams(c), userQuerySpec, true);
    const resource = await readRequestResource(c, USER_TYPE, undefined);
    if (Object.keys(resource.relationships).length > 0) {
      throw validationFailed([
        { pointer: '/data/relationships', detail: 'A new user has no relationships to set.' },
      ]);
    }
    const user = readNewUser(resource.attributes);
    const at = new Date(now()).toISOString();
    const created = await db.transaction().execute(async (trx) => {
      // The unique index on lower(email) decides, not a look-up before: of two POSTs of one email at
      // once, one inserts and the other finds nothing inserted.
      const row = await insertUser(trx, user, at);
      if (!row) {
        throw validationFailed([
          {
            pointer: '/data/attributes/email',
            detail: `${user.email} is already the email of a user; change that user instead.`,
          },
        ]);
      }
      await recordAuditEvent(trx, {
        actor: { userId: principal.userId, name: principal.name },
        action: 'created',
        resourceType: 'user',
        resourceId: row.id,
        prospectId: null,
        before: null,
        after: { email: row.email, role: row.role },
        at,
      });
      return row;
    });
    const data = userResource(created, resourceContext(c, query));
    return documentResponse(c, { data }, 201, { Location: data.links.self });
  });

  app.patch('/:id', limitRequestBody, async (c) => {
    const principal = c.get('principal');
    enforce(decide(principal, 'users', 'write'));
    const query = parseQuery(searchParams(c), userQuerySpec, true);
    const id = idParam(c, 'user');
    const resource = await readRequestResource(c, USER_TYPE, id);
    if (Object.keys(resource.relationships).length > 0) {
      throw validationFailed([
        {
          pointer: '/data/relationships',
          detail: "A user's relationships are not changed here; role and locked are.",
        },
      ]);
    }
    const at = new Date(now()).toISOString();
    const changes = readChanges(resource.attributes, at);
    const updated = await db.transaction().execute(async (trx) => {
      await lockForChange(trx, id);
      const [existing] = await findUsers(trx, [id]);
      if (!existing) throw notFound(`There is no user with id ${id}.`);
      const events = auditEvents(principal, existing, changes, at);
      if (events.length === 0) return existing;
      if (!(await changeUser(trx, existing, changes, at))) {
        throw validationFailed([lastAdminProblem(existing, changes)]);
      }
      if (changes.deactivated_at) await endSignInsOf(trx, id, at);
      for (const event of events) await recordAuditEvent(trx, event);
      const [row] = await findUsers(trx, [id]);
      return row;
    });
    // After the commit: a request that read the user before it is not remembered either.
    tokens.forgetUser(id);
    if (!updated) throw new Error('The user could not be read back');
    return documentResponse(c, { data: userResource(updated, resourceContext(c, query)) });
  });

  app.all('/', () => {
    throw methodNotAllowed(['GET', 'POST']);
  });
  app.all('/:id', () => {
    throw methodNotAllowed(['GET', 'PATCH']);
  });
  return app;
}
