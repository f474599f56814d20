import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROSPECTS, USERS, collection, failure, single } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const ownerDocument = (prospect: number, owner: unknown, extra: object = {}) => ({
  data: {
    type: 'prospect',
    id: prospect,
    relationships: { owner: { data: { type: 'user', id: owner } } },
    ...extra,
  },
});

const reassign = (prospect: number, owner: unknown, token = 'dev-admin') =>
  server.request('PATCH', `/api/v2/prospects/${prospect}?provideAuthorizationMeta=true`, {
    token,
    body: ownerDocument(prospect, owner),
  });

/** meta.canWrite of each of the prospect's numbers, as `token` reads them. */
async function canWrite(prospect: number, token: string) {
  const page = collection(
    await server.request(
      'GET',
      `/api/v2/phoneNumbers?filter[prospect][id]=${prospect}&provideAuthorizationMeta=true`,
      { token },
    ),
  );
  return [...new Set(page.data.map((number) => number.meta?.canWrite))];
}

const auditEvents = () =>
  server.database.db.selectFrom('audit_events').selectAll().orderBy('id').execute();

describe("reassigning a prospect's owner", () => {
  it('moves meta.canWrite of its numbers from the old owner to the new one, and what they may do', async () => {
    expect(await canWrite(PROSPECTS.rileys, 'dev-rep-riley')).toEqual([true]);
    expect(await canWrite(PROSPECTS.rileys, 'dev-rep-sam')).toEqual([false]);

    const prospect = single(await reassign(PROSPECTS.rileys, USERS.sam));
    expect(prospect.relationships?.owner?.data).toEqual({ type: 'user', id: USERS.sam });
    expect(prospect.meta).toMatchObject({ canWrite: true });

    expect(await canWrite(PROSPECTS.rileys, 'dev-rep-riley')).toEqual([false]);
    expect(await canWrite(PROSPECTS.rileys, 'dev-rep-sam')).toEqual([true]);
    const [number] = collection(
      await server.request('GET', `/api/v2/phoneNumbers?filter[prospect][id]=${PROSPECTS.rileys}`),
    ).data;
    const edit = (token: string) =>
      server.request('PATCH', `/api/v2/phoneNumbers/${number?.id}`, {
        token,
        body: { data: { type: 'phoneNumber', id: number?.id, attributes: { order: 0 } } },
      });
    failure(await edit('dev-rep-riley'), 403);
    expect((await edit('dev-rep-sam')).status).toBe(200);
  });

  it('writes one ownerChanged event with the owners before and after', async () => {
    single(await reassign(PROSPECTS.sams, USERS.riley));
    single(await reassign(PROSPECTS.sams, USERS.riley));
    const events = await auditEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'ownerChanged',
      resource_type: 'prospect',
      resource_id: PROSPECTS.sams,
      prospect_id: PROSPECTS.sams,
      actor_user_id: USERS.ada,
    });
    expect(JSON.parse(events[0]?.before_json ?? '')).toEqual({
      ownerId: USERS.sam,
      ownerName: 'Sam Rep',
    });
    expect(JSON.parse(events[0]?.after_json ?? '')).toEqual({
      ownerId: USERS.riley,
      ownerName: 'Riley Rep',
    });
  });

  it('refuses an owner who does not exist or is deactivated, and anything else of a prospect', async () => {
    const [missing] = failure(await reassign(PROSPECTS.sams, 999), 422);
    expect(missing).toMatchObject({
      source: { pointer: '/data/relationships/owner/data/id' },
      detail: 'There is no user with id 999.',
    });
    single(
      await server.request('PATCH', `/api/v2/users/${USERS.riley}`, {
        body: { data: { type: 'user', id: USERS.riley, attributes: { locked: true } } },
      }),
    );
    const [inactive] = failure(await reassign(PROSPECTS.sams, USERS.riley), 422);
    expect(inactive?.detail).toBe('Riley Rep is deactivated; choose an active user.');
    failure(await reassign(PROSPECTS.sams, 'someone'), 422);
    const [renamed] = failure(
      await server.request('PATCH', `/api/v2/prospects/${PROSPECTS.sams}`, {
        body: ownerDocument(PROSPECTS.sams, USERS.ada, { attributes: { firstName: 'X' } }),
      }),
      422,
    );
    expect(renamed?.source?.pointer).toBe('/data/attributes/firstName');
    failure(await reassign(999, USERS.ada), 404);

    const prospect = single(await server.request('GET', `/api/v2/prospects/${PROSPECTS.sams}`));
    expect(prospect.relationships?.owner?.data.id).toBe(USERS.sam);
    // Only the deactivation is recorded.
    expect((await auditEvents()).map((event) => event.action)).toEqual(['deactivated']);
  });

  it('never gives a prospect to someone deactivated at the same time, on parallel requests', async () => {
    const lock = (locked: boolean) =>
      server.request('PATCH', `/api/v2/users/${USERS.riley}`, {
        body: { data: { type: 'user', id: USERS.riley, attributes: { locked } } },
      });
    for (let round = 0; round < 12; round++) {
      single(await lock(false));
      single(await reassign(PROSPECTS.sams, USERS.sam));
      const [deactivated, reassigned] = await Promise.all([
        lock(true),
        reassign(PROSPECTS.sams, USERS.riley),
      ]);
      single(deactivated);
      const owner = single(await server.request('GET', `/api/v2/prospects/${PROSPECTS.sams}`))
        .relationships?.owner?.data.id;
      if (reassigned.status === 422) {
        expect(failure(reassigned, 422)[0]?.detail).toBe(
          'Riley Rep is deactivated; choose an active user.',
        );
        expect(owner).toBe(USERS.sam);
      } else {
        single(reassigned);
        expect(owner).toBe(USERS.riley);
        // The prospect was Riley's before Riley was deactivated, as the trail records it.
        const [given, turnedOff] = (await auditEvents()).slice(-2).map((event) => event.action);
        expect([given, turnedOff]).toEqual(['ownerChanged', 'deactivated']);
      }
    }
  });
});
