import type { Context } from 'hono';
import type { AppEnv } from './app-env';
import { parseId } from './document';
import { notFound } from './errors';
import type { CollectionQuery } from './query';
import type { ResourceContext } from './resource-context';

export const API_PATH = '/api/v2';

/** The id in the URL; an id that cannot exist is simply not found. */
export function idParam(c: Context<AppEnv>, what: string): number {
  const raw = c.req.param('id') ?? '';
  const id = parseId(raw);
  if (id === undefined) throw notFound(`There is no ${what} with id ${raw.slice(0, 40)}.`);
  return id;
}

export function resourceContext(c: Context<AppEnv>, query: CollectionQuery): ResourceContext {
  return {
    apiBase: new URL(c.req.url).origin + API_PATH,
    principal: c.get('principal'),
    authorizationMeta: query.authorizationMeta,
    fields: query.fields,
  };
}

export function searchParams(c: Context): URLSearchParams {
  return new URL(c.req.url).searchParams;
}
