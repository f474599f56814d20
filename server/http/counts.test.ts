import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
  allPages,
  collection,
  createPhoneNumber,
  phoneNumberDocument,
} from '../testing/fixtures';
import { insertManyNumbers } from '../testing/many-numbers';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * count=true on the whole collection and on type and status reads counts that triggers keep; they must
 * agree with the rows a client can page through, after creates, changes and deletes alike.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { rateLimitPerHour: 1_000_000 } });
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';
const views = [
  '',
  'filter[status]=verified',
  'filter[phoneType]=mobile,work',
  'filter[phoneType]=mobile&filter[status]=verified,unverified',
  'filter[order]=0..2',
  'filter[prospect][id]=1,2&filter[status]=verified',
];

async function countsAgreeWithRows() {
  for (const view of views) {
    const counted = collection(
      await server.request('GET', `${path}?${view}&count=true&page[size]=2`),
    );
    const rows = await allPages(server, `${path}?${view}&page[size]=1000`);
    expect(counted.meta, view).toEqual({ count: rows.length });
  }
}

describe('count=true', () => {
  it('agrees with the rows after creating, changing and deleting numbers', async () => {
    await countsAgreeWithRows();
    const created = await createPhoneNumber(
      server,
      { number: '+14155550181', phoneType: 'mobile', status: 'verified' },
      PROSPECTS.rileys,
    );
    await countsAgreeWithRows();
    await server.request('PATCH', `${path}/${created.id}`, {
      body: phoneNumberDocument({ phoneType: 'home', status: 'invalid' }, undefined, created.id),
    });
    await countsAgreeWithRows();
    await server.request('DELETE', `${path}/${created.id}`);
    await countsAgreeWithRows();
  });

  it('counts prospects and users', async () => {
    for (const collectionPath of ['/api/v2/prospects', '/api/v2/users']) {
      const counted = collection(
        await server.request('GET', `${collectionPath}?count=true&page[size]=1`),
      );
      const rows = await allPages(server, `${collectionPath}?page[size]=1000`);
      expect(counted.meta, collectionPath).toEqual({ count: rows.length });
    }
  });
});

describe('count=true past 100,000 matching rows', () => {
  let crowded: TestServer;
  beforeAll(async () => {
    crowded = await startTestServer({ config: { rateLimitPerHour: 1_000_000 } });
    // 100,001 numbers in +1919, which no kept count covers: a range filter must count them.
    await insertManyNumbers(crowded.database.db, { prefix: '+1919', count: 100_001 });
  }, 60_000);
  afterAll(async () => {
    await crowded.close();
  });

  const view = `${path}?filter[number]=${encodeURIComponent('+1919..+1920')}&count=true&page[size]=1`;

  it('says only that there are more than 100,000, and counts exactly 100,000', async () => {
    const past = collection(await crowded.request('GET', view));
    expect(past.meta).toEqual({ countExceeds: 100_000 });
    expect(past.data).toHaveLength(1);

    await crowded.database.db
      .deleteFrom('phone_numbers')
      .where('number', '=', '+19190000001')
      .execute();
    expect(collection(await crowded.request('GET', view)).meta).toEqual({ count: 100_000 });
  });
});
