import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { decide, enforce, requireScope, type Principal } from '../auth/governance';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { methodNotAllowed, notFound } from '../http/errors';
import { documentResponse } from '../http/json-api';
import { collectionLinks } from '../http/pagination';
import { parseQuery, type CollectionQuery } from '../http/query';
import { idParam, requestUrl, resourceContext, searchParams } from '../http/route-helpers';
import { findUsers } from '../users/repository';
import { userResource } from '../users/resource';
import { findProspect, listProspects, prospectResources } from './repository';
import { prospectQuerySpec } from './resource';

function checkIncludes(principal: Principal, query: CollectionQuery) {
  if (query.include.has('owner')) requireScope(principal, 'users', 'read');
}

export function prospectRoutes({ db }: { db: Kysely<Database> }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function includedOwners(
    ownerIds: readonly number[],
    query: CollectionQuery,
    apiBase: string,
  ) {
    if (!query.include.has('owner')) return {};
    const owners = await findUsers(db, [...new Set(ownerIds)]);
    return {
      included: owners.map((owner) => userResource(owner, { apiBase, fields: query.fields })),
    };
  }

  app.get('/', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'prospects', 'read');
    const query = parseQuery(searchParams(c), prospectQuerySpec);
    checkIncludes(principal, query);
    const { page, meta } = await listProspects(db, query);
    const context = resourceContext(c, query);
    return documentResponse(c, {
      data: await prospectResources(db, page.rows, context),
      ...(await includedOwners(
        page.rows.map((row) => row.owner_id),
        query,
        context.apiBase,
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
    const context = resourceContext(c, query);
    const [data] = await prospectResources(db, [row], context);
    return documentResponse(c, {
      data,
      ...(await includedOwners([row.owner_id], query, context.apiBase)),
    });
  });

  app.all('/', () => {
    throw methodNotAllowed(['GET']);
  });
  app.all('/:id', () => {
    throw methodNotAllowed(['GET']);
  });
  return app;
}
