import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberQuerySpec } from '../phone-numbers/resource';
import { prospectQuerySpec } from '../prospects/resource';
import { PROTOTYPE_NAMES, collection, failure } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import { userQuerySpec } from '../users/resource';
import { MAX_FILTER_RANGES, MAX_FILTER_VALUES, type QuerySpec } from './query';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { rateLimitPerHour: 1_000_000 } });
});
afterAll(async () => {
  await server.close();
});

const collections: [string, QuerySpec][] = [
  ['/api/v2/phoneNumbers', phoneNumberQuerySpec],
  ['/api/v2/prospects', prospectQuerySpec],
  ['/api/v2/users', userQuerySpec],
];

const ranges = (count: number) =>
  Array.from({ length: count }, (_, index) => `${index * 10 + 1}..${index * 10 + 2}`).join(',');

describe.each(collections)('%s refuses what it cannot do with a 400, never a 500', (path, spec) => {
  it.each(PROTOTYPE_NAMES.flatMap((name) => [name, `-${name}`, `id,${name}`]))(
    'sort=%s is a 400 on sort',
    async (sort) => {
      const [error] = failure(
        await server.request('GET', `${path}?sort=${encodeURIComponent(sort)}`),
        400,
      );
      expect(error).toMatchObject({ id: 'badRequest', source: { parameter: 'sort' } });
    },
  );

  it.each(PROTOTYPE_NAMES)('filter[%s], fields[%s] and include=%s are 400s', async (name) => {
    for (const [query, parameter] of [
      [`filter[${name}]=1`, `filter[${name}]`],
      [`fields[${name}]=id`, `fields[${name}]`],
      [`include=${name}`, 'include'],
    ]) {
      const [error] = failure(await server.request('GET', `${path}?${query}`), 400);
      expect(error, query).toMatchObject({ id: 'badRequest', source: { parameter } });
    }
  });

  it('refuses 1,000 id ranges, and more ranges than the limit, on filter[id]', async () => {
    for (const count of [1000, MAX_FILTER_RANGES + 1]) {
      const [error] = failure(
        await server.request('GET', `${path}?filter[id]=${ranges(count)}`),
        400,
      );
      expect(error).toMatchObject({ id: 'badRequest', source: { parameter: 'filter[id]' } });
      expect(error?.detail).toContain(String(MAX_FILTER_RANGES));
    }
  });

  it('answers as many ranges as the limit allows, and as many values', async () => {
    const ranged = collection(
      await server.request('GET', `${path}?filter[id]=${ranges(MAX_FILTER_RANGES)}`),
    );
    expect(ranged.data.length).toBeGreaterThan(0);
    for (const row of ranged.data) expect([1, 2]).toContain(row.id % 10);
    const ids = Array.from({ length: MAX_FILTER_VALUES }, (_, index) => index + 1).join(',');
    const listed = collection(await server.request('GET', `${path}?filter[id]=${ids}`));
    expect(listed.data.length).toBeGreaterThan(0);
  });

  it('holds every filter to the same limits', async () => {
    for (const [name, filter] of Object.entries(spec.filters)) {
      if (filter === 'search') continue;
      const parameter = `filter[${name.replaceAll('.', '][')}]`;
      const tooMany = Array.from({ length: MAX_FILTER_VALUES + 1 }, () => '1').join(',');
      const [error] = failure(await server.request('GET', `${path}?${parameter}=${tooMany}`), 400);
      expect(error, parameter).toMatchObject({ source: { parameter } });
      if (!filter.ranges) continue;
      const manyRanges = Array.from({ length: MAX_FILTER_RANGES + 1 }, () => 'neginf..inf').join(
        ',',
      );
      const [rangeError] = failure(
        await server.request('GET', `${path}?${parameter}=${manyRanges}`),
        400,
      );
      expect(rangeError, parameter).toMatchObject({ source: { parameter } });
    }
  });
});
