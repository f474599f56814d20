import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberQuerySpec } from './phone-numbers/resource';
import { prospectQuerySpec } from './prospects/resource';
import { PROTOTYPE_NAMES } from './testing/fixtures';
import { startTestServer, type TestResponse, type TestServer } from './testing/test-server';
import { userQuerySpec } from './users/resource';

/**
 * Throws thousands of generated bad requests at the real server: none may produce a 5xx, an HTML page or
 * a stack trace, every error must be a valid JSON:API error document, and a failed request must leave
 * the data exactly as it was.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { rateLimitPerHour: 1_000_000 } });
});
afterAll(async () => {
  await server.close();
});

const schema = JSON.parse(
  readFileSync(new URL('./testing/jsonapi-1.0-response.schema.json', import.meta.url), 'utf8'),
) as { definitions: { resourceIdentificationNew: { properties: { id: unknown } } } };
schema.definitions.resourceIdentificationNew.properties.id = { type: ['string', 'integer'] };
const validDocument = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);

/** All stored phone numbers, as one string: equal fingerprints mean nothing changed. */
async function fingerprint(): Promise<string> {
  const rows = await sql`select * from phone_numbers order by id`.execute(server.database.db);
  return JSON.stringify(rows.rows);
}

function expectWellFormed(response: TestResponse, context: string) {
  expect(response.status, context).toBeLessThan(500);
  if (response.status === 204) return;
  expect(response.headers.get('Content-Type'), context).toBe('application/vnd.api+json');
  expect(response.text, context).not.toMatch(/<html|at .+\.ts:\d+|Error:/i);
  expect(validDocument(response.json), `${context}\n${response.text.slice(0, 500)}`).toBe(true);
  if (response.status >= 400) {
    const { errors } = response.json as { errors: { id: unknown; detail: unknown }[] };
    expect(errors.length, context).toBeGreaterThan(0);
    for (const error of errors) {
      expect(typeof error.id, context).toBe('string');
      expect(typeof error.detail, context).toBe('string');
    }
  }
}

const prototypeName = fc.constantFrom(...PROTOTYPE_NAMES);

/** Long lists of values or ranges, up to past what a filter takes (a count drawn evenly, not small). */
const manyTerms = fc
  .tuple(
    // Often right at the limits, where a bound is off by one.
    fc.oneof(fc.integer({ min: 1, max: 1_200 }), fc.constantFrom(20, 21, 999, 1000, 1001)),
    fc.constantFrom(
      (index: number) => String(index),
      (index: number) => `${index}..${index + 1}`,
      (index: number) => `${index % 9}..9`,
      (index: number) => (index % 2 === 0 ? String(index) : `${index}..inf`),
      () => 'neginf..inf',
      () => 'mobile',
      (index: number) => `+1415555${String(index).padStart(4, '0')}..inf`,
    ),
  )
  .map(([count, term]) => {
    // Kept under Node's 16 KB limit on request headers, whose own answer is another item's concern.
    const terms: string[] = [];
    let length = 0;
    for (let index = 0; index < count; index++) {
      const text = encodeURIComponent(`${term(index)},`);
      if (length + text.length > 12_000) break;
      terms.push(term(index));
      length += text.length;
    }
    return terms.join(',');
  });

const nasty = fc.oneof(
  fc.string(),
  prototypeName,
  prototypeName.map((name) => `-${name}`),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE phone_numbers; --",
    '1 OR 1=1',
    '" OR ""="',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '\u0000',
    '💥📞',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '9999999999999999999999',
    'neginf..inf',
    '..',
    ',,,',
    'a'.repeat(5000),
    '+14155550100',
    '2026-01-01..inf',
    'eyJzIjoiaWQiLCJrIjpbMV19',
  ),
);

const knownParameter = fc.constantFrom(
  'filter[number]',
  'filter[order]',
  'filter[phoneType]',
  'filter[status]',
  'filter[updatedAt]',
  'filter[statusChangedAt]',
  'filter[prospect][id]',
  'filter[id]',
  'filter[q]',
  'filter[owner][id]',
  'filter[rawNumber]',
  'filter[]',
  'filter[prospect][id][x]',
  'sort',
  'page[size]',
  'page[after]',
  'page[before]',
  'page[offset]',
  'fields[phoneNumber]',
  'fields[prospect]',
  'fields[user]',
  'include',
  'count',
  'provideAuthorizationMeta',
);

const parameterName = fc.oneof(
  knownParameter,
  prototypeName.chain((name) =>
    fc.constantFrom(`filter[${name}]`, `fields[${name}]`, `page[${name}]`, name),
  ),
  fc.string({ maxLength: 30 }),
);

const queryString = fc
  .array(fc.tuple(parameterName, nasty), { maxLength: 5 })
  .map((pairs) =>
    pairs
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join('&'),
  );

/** Every filter of every collection, as [path, parameter]. */
const collectionFilter = fc.constantFrom(
  ...(
    [
      ['/api/v2/phoneNumbers', phoneNumberQuerySpec],
      ['/api/v2/prospects', prospectQuerySpec],
      ['/api/v2/users', userQuerySpec],
    ] as const
  ).flatMap(([path, spec]) =>
    Object.keys(spec.filters).map(
      (name) => [path, `filter[${name.replaceAll('.', '][')}]`] as const,
    ),
  ),
);

const collectionPath = fc.constantFrom(
  '/api/v2/phoneNumbers',
  '/api/v2/phoneNumbers/1',
  '/api/v2/prospects',
  '/api/v2/prospects/1',
  '/api/v2/users',
  '/api/v2/users/2',
);

const attributeValue = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const attributes = fc.oneof(
  fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'number',
        'rawNumber',
        'extension',
        'countryCode',
        'phoneType',
        'status',
        'order',
        'createdAt',
        'updatedAt',
      ),
      fc.string({ maxLength: 12 }),
    ),
    attributeValue,
    { maxKeys: 6 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const relationships = fc.oneof(
  fc.constant(undefined),
  fc.record({
    prospect: fc.oneof(
      fc.record({
        data: fc.record({
          type: fc.constantFrom('prospect', 'user', ''),
          id: fc.oneof(fc.integer(), nasty, fc.constant(null)),
        }),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }),
  fc.jsonValue({ maxDepth: 2 }),
);
const resourceDocument = fc.record(
  {
    data: fc.oneof(
      fc.record(
        {
          type: fc.oneof(fc.constant('phoneNumber'), nasty, fc.integer()),
          id: fc.oneof(fc.integer(), nasty, fc.constant(1)),
          attributes,
          relationships,
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  resourceDocument.map((document) => JSON.stringify(document)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  nasty,
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc
    .integer({ min: 1, max: 5_000 })
    .map((depth) => '{"data":'.repeat(depth) + '{}' + '}'.repeat(depth)),
);
const contentType = fc.constantFrom(
  'application/vnd.api+json',
  'application/vnd.api+json',
  'application/vnd.api+json',
  'application/json',
  'application/vnd.api+json; ext=bulk',
  'text/plain',
  'multipart/form-data',
);

describe('no generated request breaks the server', () => {
  it('answers thousands of generated query strings with a document or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        collectionPath,
        queryString,
        fc.constantFrom('dev-admin', 'dev-rep-riley', 'dev-viewer'),
        async (path, query, token) => {
          const response = await server.request('GET', `${path}?${query}`, { token });
          expectWellFormed(response, `GET ${path}?${query}`);
          expect([200, 400, 403, 404]).toContain(response.status);
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('answers prototype names in every parameter with a document or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        collectionPath,
        knownParameter,
        fc.oneof(
          prototypeName,
          prototypeName.map((name) => `-${name}`),
        ),
        async (path, name, value) => {
          const query = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
          const response = await server.request('GET', `${path}?${query}`);
          expectWellFormed(response, `GET ${path}?${query}`);
          expect([200, 400]).toContain(response.status);
        },
      ),
      { numRuns: 300 },
    );
    expect(server.errors).toEqual([]);
  }, 120_000);

  it('answers long lists of values and ranges in every filter with a document or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(collectionFilter, manyTerms, async ([path, name], value) => {
        const query = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
        const response = await server.request('GET', `${path}?${query}`);
        expectWellFormed(response, `GET ${path}?${query.slice(0, 300)}`);
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 300 },
    );
    expect(server.errors).toEqual([]);
  }, 120_000);

  it('answers thousands of generated bodies without a 5xx, changing nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'POST /api/v2/phoneNumbers',
          'PATCH /api/v2/phoneNumbers/1',
          'PATCH /api/v2/phoneNumbers/3',
          'DELETE /api/v2/phoneNumbers/999',
        ),
        body,
        contentType,
        fc.constantFrom('dev-admin', 'dev-rep-sam', 'dev-viewer'),
        async (route, raw, type, token) => {
          const [method = 'GET', path = '/'] = route.split(' ');
          const before = await fingerprint();
          const response = await server.request(method, path, {
            token,
            rawBody: raw,
            headers: { 'Content-Type': type },
          });
          const context = `${route} as ${token} (${type}): ${raw.slice(0, 300)}`;
          expectWellFormed(response, context);
          if (response.status >= 400) expect(await fingerprint(), context).toBe(before);
        },
      ),
      { numRuns: 1500 },
    );
    expect(server.errors).toEqual([]);
  }, 120_000);

  it('copes with malformed paths and encodings', async () => {
    for (const path of [
      '/api/v2/phoneNumbers/%E0%A4%A',
      '/api/v2/phoneNumbers/%00',
      '/api/v2/phoneNumbers/1%2F2',
      '/api/v2/phoneNumbers/../users',
      '/api/v2/phoneNumbers?filter%5Bnumber%5D=%E0%A4%A',
      '/api/v2/phoneNumbers?%E0%A4%A=1',
      '/api/v2/phoneNumbers//1',
      `/api/v2/phoneNumbers/${'9'.repeat(400)}`,
    ]) {
      const response = await server.request('GET', path);
      expect(response.status, path).toBeLessThan(500);
      expectWellFormed(response, path);
    }
    expect(server.errors).toEqual([]);
  });
});
