import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';
import { documentResponse } from '../http/json-api';
import { API_PATH, requestUrl } from '../http/route-helpers';
import { findUsers } from './repository';
import { userResource } from './resource';

/** `GET /api/v2`, like Outreach's API root: who the token acts for, so an app can say who is signed in. */
export function apiRootRoutes({ db }: { db: Kysely<Database> }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const principal = c.get('principal');
    const [user] = await findUsers(db, [principal.userId]);
    if (!user) throw notFound('The user of this token no longer exists.');
    return documentResponse(c, {
      meta: {
        user: userResource(user, {
          apiBase: requestUrl(c).origin + API_PATH,
          fields: new Map(),
          principal,
        }),
        token: { scopes: [...principal.scopes].sort() },
      },
    });
  });
  return app;
}
