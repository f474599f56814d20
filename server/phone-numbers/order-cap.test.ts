import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ORDER } from '../../contract/phone-number-values';
import {
  PROSPECTS,
  collection,
  createPhoneNumber,
  phoneNumberDocument,
  single,
} from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const path = '/api/v2/phoneNumbers';

async function numbersInOrder(prospectId: number) {
  const page = collection(
    await server.request('GET', `${path}?filter[prospect][id]=${prospectId}&sort=order`),
  );
  return page.data.map((row) => ({ id: row.id, order: row.attributes.order as number }));
}

describe('the order the server gives a new number', () => {
  it('stays within what PATCH accepts when the last number already has the highest order', async () => {
    const prospect = PROSPECTS.samsEmpty;
    await createPhoneNumber(
      server,
      { number: '+14155550171', phoneType: 'work', order: 3 },
      prospect,
    );
    await createPhoneNumber(
      server,
      { number: '+14155550172', phoneType: 'work', order: MAX_ORDER },
      prospect,
    );
    const before = await numbersInOrder(prospect);

    const created = single(
      await server.request('POST', path, {
        body: phoneNumberDocument({ number: '+14155550173', phoneType: 'mobile' }, prospect),
      }),
      201,
    );
    const order = created.attributes.order as number;
    expect(order).toBeLessThanOrEqual(MAX_ORDER);

    const after = await numbersInOrder(prospect);
    expect(after.map((row) => row.id)).toEqual([...before.map((row) => row.id), created.id]);
    expect(new Set(after.map((row) => row.order)).size).toBe(after.length);

    const patched = single(
      await server.request('PATCH', `${path}/${created.id}`, {
        body: phoneNumberDocument({ order }, undefined, created.id),
      }),
    );
    expect(patched.attributes.order).toBe(order);
  });
});
