import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import { MAX_ORDER } from '../../contract/phone-number-values';
import {
  PROSPECTS,
  USERS,
  allPages,
  collection,
  createPhoneNumber,
  failure,
  phoneNumberDocument,
  single,
  type Resource,
} from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const numbersPath = '/api/v2/phoneNumbers';

/** A prospect's trail as an admin reads it, newest first. */
const trailOf = (prospectId: number) =>
  allPages(server, `/api/v2/auditEvents?filter[prospect][id]=${prospectId}&page[size]=100`);

/** One number's trail, newest first. */
const trailOfNumber = (id: number) =>
  allPages(server, `/api/v2/auditEvents?filter[resourceType]=phoneNumber&filter[resourceId]=${id}`);

const patch = (id: number, attributes: Record<string, unknown>, token = 'dev-admin') =>
  server.request('PATCH', `${numbersPath}/${id}`, {
    token,
    body: phoneNumberDocument(attributes, undefined, id),
  });

/** The attributes of a number as GET shows them now. */
async function attributesOf(id: number) {
  return single(await server.request('GET', `${numbersPath}/${id}`)).attributes;
}

const summary = (event: Resource) => [
  event.attributes.action,
  event.attributes.resourceId,
  (event.attributes.before as { order?: number } | null)?.order,
  (event.attributes.after as { order?: number } | null)?.order,
];

describe('the audit trail of phone numbers', () => {
  it('records a create, a change, a reorder (both halves of the swap) and a delete: who, when, before and after', async () => {
    const prospect = PROSPECTS.sams;
    const before = await trailOf(prospect);
    const first = await createPhoneNumber(
      server,
      { number: '+14155550181', phoneType: 'mobile', order: 40 },
      prospect,
      'dev-rep-sam',
    );
    const second = await createPhoneNumber(
      server,
      { number: '+14155550182', phoneType: 'work', order: 41 },
      prospect,
      'dev-rep-sam',
    );
    const changed = single(await patch(first.id, { status: 'verified' }, 'dev-rep-sam'));
    server.advance(60_000);
    const moved = single(await patch(second.id, { order: 40 }, 'dev-rep-sam'));
    const firstAfterSwap = await attributesOf(first.id);
    expect(firstAfterSwap.order).toBe(41);
    const deleting = Date.now();
    expect((await server.request('DELETE', `${numbersPath}/${first.id}`)).status).toBe(204);

    const trail = (await trailOf(prospect)).slice(0, -before.length || undefined);
    expect(trail.map(summary)).toEqual([
      ['deleted', first.id, 41, undefined],
      ['reordered', second.id, 41, 40],
      ['reordered', first.id, 40, 41],
      ['updated', first.id, 40, 40],
      ['created', second.id, undefined, 41],
      ['created', first.id, undefined, 40],
    ]);
    const [deleted, reordered, swapped, updated, , created] = trail;

    expect(created).toMatchObject({
      type: 'auditEvent',
      attributes: {
        actorName: 'Sam Rep',
        resourceType: 'phoneNumber',
        occurredAt: first.attributes.createdAt,
        before: null,
        after: first.attributes,
      },
      relationships: {
        actor: { data: { type: 'user', id: USERS.sam } },
        prospect: { data: { type: 'prospect', id: prospect } },
      },
    });
    expect(updated?.attributes).toMatchObject({
      occurredAt: changed.attributes.updatedAt,
      before: first.attributes,
      after: changed.attributes,
    });
    expect(reordered?.attributes).toMatchObject({
      occurredAt: moved.attributes.updatedAt,
      before: second.attributes,
      after: moved.attributes,
    });
    expect(swapped?.attributes).toMatchObject({
      occurredAt: moved.attributes.updatedAt,
      before: changed.attributes,
      after: firstAfterSwap,
    });
    expect(deleted?.attributes).toMatchObject({
      actorName: 'Ada Admin',
      before: firstAfterSwap,
      after: null,
    });
    expect(deleted?.relationships?.actor?.data.id).toBe(USERS.ada);
    // The server's clock, which the test moved a minute on.
    const deletedAt = Date.parse(String(deleted?.attributes.occurredAt));
    expect(deletedAt - deleting).toBeGreaterThanOrEqual(59_000);
  });

  it('records a change of order with another attribute as a change, and an order swapped away as a reorder', async () => {
    const prospect = PROSPECTS.adas;
    const a = await createPhoneNumber(server, { number: '+14155550183', order: 50 }, prospect);
    const b = await createPhoneNumber(server, { number: '+14155550184', order: 51 }, prospect);
    single(await patch(b.id, { order: 50, phoneType: 'home' }));
    const [moved, swapped] = await trailOf(prospect);
    expect(moved ? summary(moved) : undefined).toEqual(['updated', b.id, 51, 50]);
    expect(swapped ? summary(swapped) : undefined).toEqual(['reordered', a.id, 50, 51]);
  });

  it('records the numbers a create renumbers to stay within the highest order', async () => {
    const prospect = PROSPECTS.samsEmpty;
    const low = await createPhoneNumber(server, { number: '+14155550185', order: 3 }, prospect);
    const high = await createPhoneNumber(
      server,
      { number: '+14155550186', order: MAX_ORDER },
      prospect,
    );
    const added = await createPhoneNumber(server, { number: '+14155550187' }, prospect);
    expect(added.attributes.order).toBe(2);
    const trail = await trailOf(prospect);
    expect(trail.slice(0, 3).map(summary)).toEqual([
      ['created', added.id, undefined, 2],
      ['reordered', high.id, MAX_ORDER, 1],
      ['reordered', low.id, 3, 0],
    ]);
  });

  it('records nothing for a write it refuses or that changes nothing', async () => {
    const prospect = PROSPECTS.rileysOther;
    const number = await createPhoneNumber(server, { number: '+14155550188' }, prospect);
    const trail = await trailOf(prospect);

    // 422: an invalid value; a number the prospect already has.
    failure(await patch(number.id, { phoneType: 'pager' }), 422);
    failure(
      await server.request('POST', numbersPath, {
        body: phoneNumberDocument({ number: '+14155550188' }, prospect),
      }),
      422,
    );
    // 403: a rep on another rep's prospect; a viewer.
    failure(await patch(number.id, { status: 'invalid' }, 'dev-rep-sam'), 403);
    failure(
      await server.request('DELETE', `${numbersPath}/${number.id}`, { token: 'dev-viewer' }),
      403,
    );
    // 412: a version the number has left.
    single(await patch(number.id, { status: 'verified' }));
    const afterChange = await trailOf(prospect);
    failure(
      await server.request('PATCH', `${numbersPath}/${number.id}`, {
        headers: { 'If-Match': String(number.meta?.etag) },
        body: phoneNumberDocument({ order: 9 }, undefined, number.id),
      }),
      412,
    );
    failure(
      await server.request('DELETE', `${numbersPath}/${number.id}`, {
        headers: { 'If-Match': String(number.meta?.etag) },
      }),
      412,
    );
    // 404: nothing to delete.
    failure(await server.request('DELETE', `${numbersPath}/999999`), 404);
    // 200, but what was sent is what is stored.
    single(await patch(number.id, { status: 'verified' }));

    expect(afterChange).toHaveLength(trail.length + 1);
    expect(await trailOf(prospect)).toEqual(afterChange);
  });

  it('neither makes nor records a write whose record cannot be written', async () => {
    const prospect = PROSPECTS.rileys;
    const numbers = collection(
      await server.request('GET', `${numbersPath}?filter[prospect][id]=${prospect}&sort=order`),
    ).data;
    const [first, second] = numbers;
    if (!first || !second) throw new Error('Prospect 1 has six numbers');
    const trail = await trailOf(prospect);
    const db = server.database.db;

    // The trail's table out of the way: the write's own statements succeed, its record fails.
    await sql`alter table audit_events rename to audit_events_away`.execute(db);
    const send = (method: string, path: string, body?: unknown) =>
      fetch(server.url + path, {
        method,
        headers: { Authorization: 'Bearer dev-admin', 'Content-Type': JSON_API_MEDIA_TYPE },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    try {
      const answers = [
        await send(
          'PATCH',
          `${numbersPath}/${second.id}`,
          phoneNumberDocument({ order: first.attributes.order }, undefined, second.id),
        ),
        await send(
          'PATCH',
          `${numbersPath}/${first.id}`,
          phoneNumberDocument(
            { status: first.attributes.status === 'invalid' ? 'verified' : 'invalid' },
            undefined,
            first.id,
          ),
        ),
        await send('DELETE', `${numbersPath}/${first.id}`),
        await send('POST', numbersPath, phoneNumberDocument({ number: '+14155550189' }, prospect)),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([500, 500, 500, 500]);
    } finally {
      await sql`alter table audit_events_away rename to audit_events`.execute(db);
    }

    expect(
      collection(
        await server.request('GET', `${numbersPath}?filter[prospect][id]=${prospect}&sort=order`),
      ).data,
    ).toEqual(numbers);
    expect(await trailOf(prospect)).toEqual(trail);
  });
});

describe('GET /auditEvents', () => {
  it('is for admins only, with a scope of its own', async () => {
    for (const token of ['dev-rep-riley', 'dev-viewer']) {
      const [error] = failure(await server.request('GET', '/api/v2/auditEvents', { token }), 403);
      expect(error).toMatchObject({ id: 'unauthorizedRequest' });
      expect(error?.detail).toMatch(/^Only admins can read the audit trail; .+ is not an admin\.$/);
    }
    const [scope] = failure(
      await server.request('GET', '/api/v2/auditEvents', { token: 'dev-readonly' }),
      403,
    );
    expect(scope).toMatchObject({ id: 'unauthorizedOauthScope' });
    expect(scope?.detail).toContain('auditEvents.read');
    failure(await server.request('GET', '/api/v2/auditEvents', { token: null }), 401);
  });

  it("tells the app through a prospect's meta whether the user may read its history", async () => {
    const meta = async (token: string) =>
      single(
        await server.request(
          'GET',
          `/api/v2/prospects/${PROSPECTS.rileys}?provideAuthorizationMeta=true`,
          { token },
        ),
      ).meta;
    expect(await meta('dev-admin')).toMatchObject({ canReadHistory: true });
    expect(await meta('dev-rep-riley')).toMatchObject({ canWrite: true, canReadHistory: false });
  });

  it('filters by prospect and by resource, newest first, in keyset pages that hold while the trail grows', async () => {
    const prospect = PROSPECTS.rileysOther;
    const number = await createPhoneNumber(server, { number: '+14155550191' }, prospect);
    for (const status of ['verified', 'invalid', 'unverified', 'do_not_call']) {
      single(await patch(number.id, { status }));
    }
    const trail = await trailOf(prospect);
    expect(trail.length).toBeGreaterThanOrEqual(5);
    expect(trail.every((event) => event.relationships?.prospect?.data.id === prospect)).toBe(true);
    const ids = trail.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const ofNumber = await trailOfNumber(number.id);
    expect(ofNumber.map((event) => event.attributes.action)).toEqual([
      'updated',
      'updated',
      'updated',
      'updated',
      'created',
    ]);

    const first = collection(
      await server.request(
        'GET',
        `/api/v2/auditEvents?filter[prospect][id]=${prospect}&page[size]=2`,
      ),
    );
    expect(first.data.map((event) => event.id)).toEqual(ids.slice(0, 2));
    // A newer change does not shift the pages already handed out.
    single(await patch(number.id, { status: 'verified' }));
    const next = first.links.next;
    if (next === undefined) throw new Error('A second page');
    const second = collection(
      await server.request('GET', new URL(next).pathname + new URL(next).search),
    );
    expect(second.data.map((event) => event.id)).toEqual(ids.slice(2, 4));

    const [needsType] = failure(
      await server.request('GET', `/api/v2/auditEvents?filter[resourceId]=${number.id}`),
      400,
    );
    expect(needsType?.source).toEqual({ parameter: 'filter[resourceId]' });
  });
});
