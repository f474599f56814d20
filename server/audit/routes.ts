import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { decide, enforce } from '../auth/governance';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { badRequest, methodNotAllowed } from '../http/errors';
import { documentResponse } from '../http/json-api';
import { collectionLinks } from '../http/pagination';
import { parseQuery, type CollectionQuery } from '../http/query';
import { requestUrl, searchParams } from '../http/route-helpers';
import { listAuditEvents } from './repository';
import { auditEventQuerySpec, auditEventResource } from './resource';

/** An id names a resource only with its type: a phone number and a user may share one. */
function checkResourceFilter(query: CollectionQuery) {
  const names = new Set(query.filters.map((filter) => filter.name));
  if (names.has('resourceId') && !names.has('resourceType')) {
    throw badRequest(
      'filter[resourceId]',
      'filter[resourceId] needs filter[resourceType]: ids of different types may be equal.',
    );
  }
}

/** GET /auditEvents: the audit trail, newest first, for admins. */
export function auditEventRoutes({ db }: { db: Kysely<Database> }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    enforce(decide(c.get('principal'), 'auditEvents', 'read'));
    const query = parseQuery(searchParams(c), auditEventQuerySpec);
    checkResourceFilter(query);
    const { page, meta } = await listAuditEvents(db, query);
    return documentResponse(c, {
      data: page.rows.map((row) => auditEventResource(row, query)),
      links: collectionLinks(requestUrl(c), query.sort, page),
      ...(meta === undefined ? {} : { meta }),
    });
  });

  app.all('/', () => {
    throw methodNotAllowed(['GET']);
  });
  return app;
}
