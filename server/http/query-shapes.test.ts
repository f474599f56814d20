import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPages, type Resource } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * The server writes a filter or a sort so that SQLite searches or walks the index it should (+column,
 * chosen from counts; see docs/decisions/0030-query-costs.md). Whichever it writes, paging forward and
 * backward must list exactly the matching rows, in the order asked for.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { rateLimitPerHour: 1_000_000 } });
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';

type Attributes = Record<string, string | number>;
const attributes = (row: Resource) => row.attributes as Attributes;

const views: [string, string, (row: Resource) => boolean][] = [
  ['filter[status]=verified', '-updatedAt', (row) => attributes(row).status === 'verified'],
  [
    'filter[phoneType]=mobile,work',
    'number',
    (row) => ['mobile', 'work'].includes(String(attributes(row).phoneType)),
  ],
  ['filter[status]=do_not_call', 'id', (row) => attributes(row).status === 'do_not_call'],
  [
    'filter[order]=1..3',
    '-updatedAt',
    (row) => Number(attributes(row).order) >= 1 && Number(attributes(row).order) <= 3,
  ],
  ['filter[order]=0..inf', 'number', () => true],
  ['filter[updatedAt]=2000-01-01..inf', 'order', () => true],
  ['filter[id]=3..40', '-number', (row) => row.id >= 3 && row.id <= 40],
];

function compare(sort: string) {
  const descending = sort.startsWith('-');
  const attribute = descending ? sort.slice(1) : sort;
  return (a: Resource, b: Resource) => {
    const left = attribute === 'id' ? a.id : (attributes(a)[attribute] ?? '');
    const right = attribute === 'id' ? b.id : (attributes(b)[attribute] ?? '');
    const order = left < right ? -1 : left > right ? 1 : 0;
    return (descending ? -order : order) || (descending ? b.id - a.id : a.id - b.id);
  };
}

describe('pages of filtered, sorted phone numbers', () => {
  it.each(views)(
    '%s sorted by %s lists exactly the matching rows in order',
    async (filter, sort, matches) => {
      const everything = await allPages(server, `${path}?page[size]=1000`);
      const expected = everything
        .filter(matches)
        .sort(compare(sort))
        .map((row) => row.id);
      const paged = await allPages(server, `${path}?${filter}&sort=${sort}&page[size]=7`);
      expect(paged.map((row) => row.id)).toEqual(expected);
    },
  );
});
