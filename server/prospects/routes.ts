import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../audit/audit-log';
import { decide, enforce, requireScope, type Principal } from '../auth/governance';
import type { Database, ProspectRow, UserRow } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { methodNotAllowed, notFound, validationFailed } from '../http/errors';
import { documentResponse } from '../http/json-api';
import { membersNotTaken, readRequiredToOne, type ResourceObject } from '../http/request-document';
import type { ResourceContext } from '../http/resource-context';
import { collectionLinks } from '../http/pagination';
import { parseQuery, type CollectionQuery } from '../http/query';
import { idParam, requestUrl, resourceContext, searchParams } from '../http/route-helpers';
import { limitRequestBody, readRequestResource } from '../http/write-request';
import { findUsers } from '../users/repository';
import { withOwnerNames } from '../users/owner-names';
import { userResource } from '../users/resource';
import {
  changeOwner,
  findProspect,
  findProspectToWrite,
  listProspects,
  prospectResources,
} from './repository';
import { PROSPECT_TYPE, prospectQuerySpec } from './resource';

/** A prospect's owner as the audit trail keeps it: who, by id and by the name they had then. */
const ownerSummary = (id: number, user: UserRow | undefined) => ({
  ownerId: id,
  ownerName: user ? `${user.first_name} ${user.last_name}` : null,
});

/** The new owner a PATCH names; the owner is the only thing of a prospect written here. */
function readOwnerChange(resource: ResourceObject): { id: number } {
  const notChanged = (name: string) =>
    `A prospect's ${name} is not changed here; only its owner is.`;
  const problems = [
    ...membersNotTaken(resource.attributes, 'attributes', [], notChanged),
    ...membersNotTaken(resource.relationships, 'relationships', ['owner'], notChanged),
  ];
  return readRequiredToOne(
    resource.relationships,
    'owner',
    'user',
    'Say who the new owner is: relationships.owner.',
    problems,
  );
}

function checkIncludes(principal: Principal, query: CollectionQuery) {
  if (query.include.has('owner')) requireScope(principal, 'users', 'read');
}

export function prospectRoutes({
  db,
  now,
}: {
  db: Kysely<Database>;
  now: () => number;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function includedOwners(
    ownerIds: readonly number[],
    query: CollectionQuery,
    context: ResourceContext,
  ) {
    if (!query.include.has('owner')) return {};
    const owners = await findUsers(db, [...new Set(ownerIds)]);
    return { included: owners.map((owner) => userResource(owner, context)) };
  }

  async function singleDocument(row: ProspectRow, query: CollectionQuery, given: ResourceContext) {
    const context = await withOwnerNames(db, given, [row.owner_id]);
    const [data] = await prospectResources(db, [row], context);
    return { data, ...(await includedOwners([row.owner_id], query, context)) };
  }

  app.get('/', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'prospects', 'read');
    const query = parseQuery(searchParams(c), prospectQuerySpec);
    checkIncludes(principal, query);
    const { page, meta } = await listProspects(db, query);
    const context = await withOwnerNames(
      db,
      resourceContext(c, query),
      page.rows.map((row) => row.owner_id),
    );
    return documentResponse(c, {
      data: await prospectResources(db, page.rows, context),
      ...(await includedOwners(
        page.rows.map((row) => row.owner_id),
        query,
        context,
      )),
      links: collectionLinks(requestUrl(c), query.sort, page),
      ...(meta === undefined ? {} : { meta }),
    });
  });

  app.get('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'prospects', 'read');
    const query = parseQuery(searchParams(c), prospectQuerySpec, true);
    checkIncludes(principal, query);
    const id = idParam(c, 'prospect');
    const row = await findProspect(db, id);
    if (!row) throw notFound(`There is no prospect with id ${id}.`);
    enforce(decide(principal, 'prospects', 'read', row.owner_id));
    return documentResponse(c, await singleDocument(row, query, resourceContext(c, query)));
  });

  app.patch('/:id', limitRequestBody, async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'prospects', 'write');
    const query = parseQuery(searchParams(c), prospectQuerySpec, true);
    checkIncludes(principal, query);
    const id = idParam(c, 'prospect');
    const resource = await readRequestResource(c, PROSPECT_TYPE, id);
    const ownerRef = readOwnerChange(resource);
    const updated = await db.transaction().execute(async (trx) => {
      const existing = await findProspectToWrite(trx, id);
      if (!existing) throw notFound(`There is no prospect with id ${id}.`);
      enforce(decide(principal, 'prospects', 'write', existing.owner_id));
      if (ownerRef.id === existing.owner_id) return existing;
      const at = new Date(now()).toISOString();
      if (!(await changeOwner(trx, id, ownerRef.id, at))) {
        // Read again why not: the owner is missing or deactivated now.
        const [owner] = await findUsers(trx, [ownerRef.id]);
        throw validationFailed([
          {
            pointer: '/data/relationships/owner/data/id',
            detail: owner
              ? `${owner.first_name} ${owner.last_name} is deactivated; choose an active user.`
              : `There is no user with id ${ownerRef.id}.`,
          },
        ]);
      }
      const users = await findUsers(trx, [existing.owner_id, ownerRef.id]);
      const userWith = (userId: number) => users.find((user) => user.id === userId);
      await recordAuditEvent(trx, {
        actor: { userId: principal.userId, name: principal.name },
        action: 'ownerChanged',
        resourceType: 'prospect',
        resourceId: id,
        prospectId: id,
        before: ownerSummary(existing.owner_id, userWith(existing.owner_id)),
        after: ownerSummary(ownerRef.id, userWith(ownerRef.id)),
        at,
      });
      return findProspect(trx, id);
    });
    if (!updated) throw new Error('The prospect could not be read back');
    return documentResponse(c, await singleDocument(updated, query, resourceContext(c, query)));
  });

  app.all('/', () => {
    throw methodNotAllowed(['GET']);
  });
  app.all('/:id', () => {
    throw methodNotAllowed(['GET', 'PATCH']);
  });
  return app;
}
