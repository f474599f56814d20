import type { TestResponse, TestServer } from './test-server';

/** Demo data facts the tests lean on (see server/db/seed.ts). */
export const USERS = { ada: 1, riley: 2, sam: 3, val: 4 } as const;
/** Prospect 1 (Riley's) has six numbers, prospect 3 (Sam's) none, prospect 5 is Ada's. */
export const PROSPECTS = { rileys: 1, rileysOther: 2, samsEmpty: 3, sams: 4, adas: 5 } as const;

export interface Resource {
  type: string;
  id: number;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: number } }>;
  links?: { self: string };
  meta?: { canWrite?: boolean; canDelete?: boolean; canReadHistory?: boolean; etag?: string };
}

export interface CollectionDocument {
  data: Resource[];
  included?: Resource[];
  links: { self: string; first: string; prev?: string; next?: string };
  meta?: { count: number };
}

export interface ErrorDocument {
  errors: {
    id: string;
    title: string;
    detail: string;
    status: string;
    source?: { pointer?: string; parameter?: string };
  }[];
}

function assertObject(value: unknown, what: string): asserts value is object {
  if (typeof value !== 'object' || value === null)
    throw new Error(`Expected ${what}, got ${String(value)}`);
}

/** Narrows a response body after checking its status, so tests read naturally. */
export function single(response: TestResponse, status = 200): Resource {
  if (response.status !== status)
    throw new Error(`Expected ${status}, got ${response.status}: ${response.text}`);
  assertObject(response.json, 'a document');
  return (response.json as { data: Resource }).data;
}

export function collection(response: TestResponse): CollectionDocument {
  if (response.status !== 200)
    throw new Error(`Expected 200, got ${response.status}: ${response.text}`);
  assertObject(response.json, 'a document');
  return response.json as CollectionDocument;
}

export function failure(response: TestResponse, status: number): ErrorDocument['errors'] {
  if (response.status !== status)
    throw new Error(`Expected ${status}, got ${response.status}: ${response.text}`);
  assertObject(response.json, 'an error document');
  return (response.json as ErrorDocument).errors;
}

export function phoneNumberDocument(
  attributes: Record<string, unknown>,
  prospectId: number | undefined,
  id?: number,
) {
  return {
    data: {
      type: 'phoneNumber',
      ...(id === undefined ? {} : { id }),
      attributes,
      ...(prospectId === undefined
        ? {}
        : { relationships: { prospect: { data: { type: 'prospect', id: prospectId } } } }),
    },
  };
}

export async function createPhoneNumber(
  server: TestServer,
  attributes: Record<string, unknown>,
  prospectId: number,
  token = 'dev-admin',
): Promise<Resource> {
  return single(
    await server.request('POST', '/api/v2/phoneNumbers', {
      token,
      body: phoneNumberDocument(attributes, prospectId),
    }),
    201,
  );
}

/** Every page of a collection, following links.next. */
export async function allPages(
  server: TestServer,
  path: string,
  token = 'dev-admin',
): Promise<Resource[]> {
  const rows: Resource[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const page = collection(await server.request('GET', next, { token }));
    rows.push(...page.data);
    next =
      page.links.next === undefined
        ? undefined
        : new URL(page.links.next).pathname + new URL(page.links.next).search;
  }
  return rows;
}

/** Names every object inherits: a lookup by a key the client chose must not find them. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
] as const;
