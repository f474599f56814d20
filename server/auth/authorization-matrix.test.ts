import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Each role, with a prospect it owns (where it can own one) and one it does not. */
const principals = [
  { who: 'Ada Admin', token: 'dev-admin', own: PROSPECTS.adas, others: PROSPECTS.rileys },
  { who: 'Riley Rep', token: 'dev-rep-riley', own: PROSPECTS.rileys, others: PROSPECTS.sams },
  { who: 'Sam Rep', token: 'dev-rep-sam', own: PROSPECTS.sams, others: PROSPECTS.adas },
  { who: 'Val Viewer', token: 'dev-viewer', own: undefined, others: PROSPECTS.rileys },
  {
    who: 'Ada with read scopes',
    token: 'dev-readonly',
    own: PROSPECTS.adas,
    others: PROSPECTS.rileys,
  },
];

const cases = principals.flatMap(({ who, token, own, others }) => [
  ...(own === undefined ? [] : [{ who, token, whose: 'own', prospect: own }]),
  { who, token, whose: "someone else's", prospect: others },
]);

let unique = 0;
/** A valid US number not used before in this run. */
const freshNumber = () => `+1415555${String(2000 + unique++).padStart(4, '0')}`;

describe('meta.canWrite / meta.canDelete / meta.canReadHistory are exactly what the server then allows', () => {
  it.each(cases)('$who on $whose prospect: read, write and delete', async ({ token, prospect }) => {
    const target = await createPhoneNumber(server, { number: freshNumber() }, prospect);

    const read = await server.request(
      'GET',
      `/api/v2/phoneNumbers/${target.id}?provideAuthorizationMeta=true`,
      { token },
    );
    const { canWrite, canDelete } = single(read).meta ?? {
      canWrite: undefined,
      canDelete: undefined,
    };
    expect(typeof canWrite).toBe('boolean');

    const listed = collection(
      await server.request(
        'GET',
        `/api/v2/phoneNumbers?filter[id]=${target.id}&provideAuthorizationMeta=true`,
        { token },
      ),
    ).data[0];
    expect(listed?.meta).toMatchObject({ canWrite, canDelete });

    const prospectMeta = single(
      await server.request('GET', `/api/v2/prospects/${prospect}?provideAuthorizationMeta=true`, {
        token,
      }),
    ).meta;
    expect(prospectMeta).toMatchObject({ canWrite, canDelete });
    const history = await server.request(
      'GET',
      `/api/v2/auditEvents?filter[prospect][id]=${prospect}`,
      { token },
    );
    expect(history.status).toBe(prospectMeta?.canReadHistory === true ? 200 : 403);

    const patch = await server.request('PATCH', `/api/v2/phoneNumbers/${target.id}`, {
      token,
      body: phoneNumberDocument({ status: 'verified' }, undefined, target.id),
    });
    expect(patch.status).toBe(canWrite ? 200 : 403);

    const create = await server.request('POST', '/api/v2/phoneNumbers', {
      token,
      body: phoneNumberDocument({ number: freshNumber() }, prospect),
    });
    expect(create.status).toBe(canWrite ? 201 : 403);

    const remove = await server.request('DELETE', `/api/v2/phoneNumbers/${target.id}`, { token });
    expect(remove.status).toBe(canDelete ? 204 : 403);

    for (const refused of [patch, create, remove].filter((response) => response.status === 403)) {
      const id = (refused.json as { errors: { id: string }[] }).errors[0]?.id;
      expect(id).toBe(token === 'dev-readonly' ? 'unauthorizedOauthScope' : 'unauthorizedRequest');
    }
    const after = await server.request('GET', `/api/v2/phoneNumbers/${target.id}`);
    expect(after.status).toBe(canDelete ? 404 : 200);
  });

  it('matches the governance rules: admins anything, reps their own prospects, viewers nothing; the history is for admins with its scope', async () => {
    const flags = async (token: string, prospect: number) =>
      single(
        await server.request('GET', `/api/v2/prospects/${prospect}?provideAuthorizationMeta=true`, {
          token,
        }),
      ).meta;
    expect(await flags('dev-admin', PROSPECTS.rileys)).toEqual({
      canWrite: true,
      canDelete: true,
      canReadHistory: true,
    });
    expect(await flags('dev-rep-riley', PROSPECTS.rileys)).toEqual({
      canWrite: true,
      canDelete: true,
      canReadHistory: false,
    });
    expect(await flags('dev-rep-riley', PROSPECTS.sams)).toEqual({
      canWrite: false,
      canDelete: false,
      canReadHistory: false,
      writeRefusal:
        'Sam Rep owns this prospect; only they or an admin can change its phone numbers',
      deleteRefusal:
        'Sam Rep owns this prospect; only they or an admin can delete its phone numbers',
    });
    expect(await flags('dev-viewer', PROSPECTS.rileys)).toEqual({
      canWrite: false,
      canDelete: false,
      canReadHistory: false,
      writeRefusal: "Viewers can't change phone numbers; an admin or the prospect's owner can",
      deleteRefusal: "Viewers can't delete phone numbers; an admin or the prospect's owner can",
    });
    expect(await flags('dev-readonly', PROSPECTS.adas)).toEqual({
      canWrite: false,
      canDelete: false,
      canReadHistory: false,
      writeRefusal:
        "Your sign-in doesn't allow you to change phone numbers; sign in again and allow it",
      deleteRefusal:
        "Your sign-in doesn't allow you to delete phone numbers; sign in again and allow it",
    });
  });

  it("names the owner in each refused number's meta, in one page of several owners", async () => {
    const page = await server.request(
      'GET',
      `/api/v2/phoneNumbers?filter[prospect][id]=${PROSPECTS.rileys},${PROSPECTS.sams}&provideAuthorizationMeta=true`,
      { token: 'dev-rep-riley' },
    );
    const metas = (page.json as { data: { meta: Record<string, unknown> }[] }).data.map(
      (number) => number.meta,
    );
    expect(new Set(metas.map((meta) => meta.writeRefusal))).toEqual(
      new Set([
        undefined,
        'Sam Rep owns this prospect; only they or an admin can change its phone numbers',
      ]),
    );
    expect(metas.filter((meta) => meta.canWrite).every((meta) => !('writeRefusal' in meta))).toBe(
      true,
    );
  });

  it('explains a governance refusal in words', async () => {
    const target = await createPhoneNumber(server, { number: freshNumber() }, PROSPECTS.sams);
    const refused = await server.request('DELETE', `/api/v2/phoneNumbers/${target.id}`, {
      token: 'dev-rep-riley',
    });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      errors: [
        {
          id: 'unauthorizedRequest',
          title: 'Unauthorized Request',
          status: '403',
          detail: 'Riley Rep can change only the records of prospects they own.',
        },
      ],
    });
  });
});
