import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireScope } from '../auth/governance';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { methodNotAllowed, notFound } from '../http/errors';
import { documentResponse } from '../http/json-api';
import { collectionLinks } from '../http/pagination';
import { parseQuery } from '../http/query';
import { idParam, requestUrl, resourceContext, searchParams } from '../http/route-helpers';
import { findUsers, listUsers } from './repository';
import { userQuerySpec, userResource } from './resource';

export function userRoutes({ db }: { db: Kysely<Database> }): Hono<AppEnv> {
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

  app.all('/', () => {
    throw methodNotAllowed(['GET']);
  });
  app.all('/:id', () => {
    throw methodNotAllowed(['GET']);
  });
  return app;
}
