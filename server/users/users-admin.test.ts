import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PROSPECTS,
  USERS,
  collection,
  failure,
  phoneNumberDocument,
  single,
} from '../testing/fixtures';
import { postContinueAs, refreshTokens, signIn, verifierFor } from '../testing/oauth-client';
import { cookieJar, demoSignIn } from '../testing/session-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const userDocument = (id: number, attributes: Record<string, unknown>) => ({
  data: { type: 'user', id, attributes },
});

const patchUser = (id: number, attributes: Record<string, unknown>, token = 'dev-admin') =>
  server.request('PATCH', `/api/v2/users/${id}`, { token, body: userDocument(id, attributes) });

/** A write only someone allowed to change the numbers of `prospect` may make. */
const addNumber = (prospect: number, token: string, number = '+14155550199') =>
  server.request('POST', '/api/v2/phoneNumbers', {
    token,
    body: phoneNumberDocument({ number }, prospect),
  });

const auditEvents = () =>
  server.database.db.selectFrom('audit_events').selectAll().orderBy('id').execute();

describe('reading users', () => {
  it("shows admins everyone's role, locked and last sign-in, and others only their own", async () => {
    const asAdmin = collection(await server.request('GET', '/api/v2/users'));
    expect(
      asAdmin.data.map((user) => [user.id, user.attributes.role, user.attributes.locked]),
    ).toEqual([
      [USERS.ada, 'admin', false],
      [USERS.riley, 'rep', false],
      [USERS.sam, 'rep', false],
      [USERS.val, 'viewer', false],
    ]);
    expect(asAdmin.data[0]?.attributes).toHaveProperty('currentSignInAt');

    const asRep = collection(
      await server.request('GET', '/api/v2/users', { token: 'dev-rep-riley' }),
    );
    for (const user of asRep.data) {
      const own = user.id === USERS.riley;
      expect(Object.hasOwn(user.attributes, 'role')).toBe(own);
      expect(Object.hasOwn(user.attributes, 'locked')).toBe(own);
      expect(Object.hasOwn(user.attributes, 'currentSignInAt')).toBe(own);
      expect(user.attributes.email).toEqual(expect.any(String));
    }
  });

  it('keeps when someone last signed in through the demo sign-in', async () => {
    const before = single(await server.request('GET', `/api/v2/users/${USERS.sam}`));
    expect(before.attributes.currentSignInAt).toBeNull();
    await demoSignIn(server.url, cookieJar(), USERS.sam);
    const after = single(await server.request('GET', `/api/v2/users/${USERS.sam}`));
    expect(Date.parse(String(after.attributes.currentSignInAt))).toBeGreaterThan(
      Date.now() - 60_000,
    );
  });
});

describe('changing a role', () => {
  it('applies on the next request with the same token: a rep made viewer is refused a write', async () => {
    // The rep's principal is remembered from this write; the role change must not leave it there.
    expect((await addNumber(PROSPECTS.rileys, 'dev-rep-riley')).status).toBe(201);
    const changed = single(await patchUser(USERS.riley, { role: 'viewer' }));
    expect(changed.attributes).toMatchObject({ role: 'viewer', locked: false });

    const [refusal] = failure(
      await addNumber(PROSPECTS.rileys, 'dev-rep-riley', '+14155550198'),
      403,
    );
    expect(refusal).toMatchObject({ id: 'unauthorizedRequest' });
    expect(refusal?.detail).toMatch(/read-only/);
  });

  it('lets a viewer made rep write the numbers of a prospect they own', async () => {
    expect((await server.request('GET', '/api/v2', { token: 'dev-viewer' })).status).toBe(200);
    single(
      await server.request('PATCH', `/api/v2/prospects/${PROSPECTS.samsEmpty}`, {
        body: {
          data: {
            type: 'prospect',
            id: PROSPECTS.samsEmpty,
            relationships: { owner: { data: { type: 'user', id: USERS.val } } },
          },
        },
      }),
    );
    failure(await addNumber(PROSPECTS.samsEmpty, 'dev-viewer'), 403);

    single(await patchUser(USERS.val, { role: 'rep' }));
    expect((await addNumber(PROSPECTS.samsEmpty, 'dev-viewer')).status).toBe(201);
    failure(await addNumber(PROSPECTS.rileys, 'dev-viewer'), 403);
  });

  it('writes one audit event, before → after, and none for a role the user already has', async () => {
    single(await patchUser(USERS.sam, { role: 'viewer' }));
    single(await patchUser(USERS.sam, { role: 'viewer' }));
    const events = await auditEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'roleChanged',
      resource_type: 'user',
      resource_id: USERS.sam,
      actor_user_id: USERS.ada,
      actor_name: 'Ada Admin',
      prospect_id: null,
    });
    expect(JSON.parse(events[0]?.before_json ?? '')).toEqual({ role: 'rep' });
    expect(JSON.parse(events[0]?.after_json ?? '')).toEqual({ role: 'viewer' });
  });

  it('records what each of many changes at once replaced: every event starts where the one before ended', async () => {
    const roles = ['viewer', 'admin', 'rep', 'viewer', 'admin', 'rep', 'viewer', 'admin'];
    const statuses = await Promise.all(
      roles.map((role) => patchUser(USERS.sam, { role }).then((response) => response.status)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const changes = (await auditEvents()).map((event) => [
      (JSON.parse(event.before_json ?? '') as { role: string }).role,
      (JSON.parse(event.after_json ?? '') as { role: string }).role,
    ]);
    expect(changes[0]?.[0]).toBe('rep');
    for (const [i, [before]] of changes.entries()) {
      if (i > 0) expect(before).toBe(changes[i - 1]?.[1]);
    }
  });

  it('refuses a role that does not exist, and attributes it does not change, as 422', async () => {
    const [role] = failure(await patchUser(USERS.sam, { role: 'owner' }), 422);
    expect(role?.source?.pointer).toBe('/data/attributes/role');
    const [email] = failure(await patchUser(USERS.sam, { email: 'sam@example.com' }), 422);
    expect(email?.source?.pointer).toBe('/data/attributes/email');
    failure(await patchUser(999, { role: 'rep' }), 404);
    expect(await auditEvents()).toEqual([]);
  });
});

describe('who may change users', () => {
  it.each([
    ['dev-rep-riley', 'Riley Rep'],
    ['dev-viewer', 'Val Viewer'],
  ])('refuses %s with 403 and a detail that says why, and records nothing', async (token, name) => {
    const [roleRefusal] = failure(await patchUser(USERS.sam, { role: 'admin' }, token), 403);
    expect(roleRefusal).toMatchObject({ id: 'unauthorizedRequest' });
    expect(roleRefusal?.detail).toBe(
      `Only an admin can add users, change their roles or deactivate them; ${name} is not one.`,
    );
    failure(await patchUser(USERS.sam, { locked: true }, token), 403);
    const [ownerRefusal] = failure(
      await server.request('PATCH', `/api/v2/prospects/${PROSPECTS.sams}`, {
        token,
        body: {
          data: {
            type: 'prospect',
            id: PROSPECTS.sams,
            relationships: { owner: { data: { type: 'user', id: USERS.riley } } },
          },
        },
      }),
      403,
    );
    expect(ownerRefusal?.detail).toBe(
      `Only an admin can reassign a prospect's owner; ${name} is not one.`,
    );

    const sam = single(await server.request('GET', `/api/v2/users/${USERS.sam}`));
    expect(sam.attributes).toMatchObject({ role: 'rep', locked: false });
    expect(await auditEvents()).toEqual([]);
  });
});

describe('the last active admin', () => {
  it('cannot demote or deactivate themself', async () => {
    const [demoted] = failure(await patchUser(USERS.ada, { role: 'rep' }), 422);
    expect(demoted).toMatchObject({
      source: { pointer: '/data/attributes/role' },
      detail: 'Ada Admin is the last active admin; make someone else an admin first.',
    });
    const [locked] = failure(await patchUser(USERS.ada, { locked: true }), 422);
    expect(locked?.source?.pointer).toBe('/data/attributes/locked');
    expect(await auditEvents()).toEqual([]);
  });

  it.each([
    ['demote', { role: 'viewer' }],
    ['deactivate', { locked: true }],
  ])(
    'is kept when two admins %s each other at once: exactly one change goes through',
    async (_, change) => {
      single(await patchUser(USERS.sam, { role: 'admin' }));
      const answers = await Promise.all([
        patchUser(USERS.ada, change, 'dev-rep-sam'),
        patchUser(USERS.sam, change, 'dev-admin'),
        patchUser(USERS.ada, change, 'dev-admin'),
        patchUser(USERS.sam, change, 'dev-rep-sam'),
      ]);
      // A 200 may also be a no-op: an admin already demoted or deactivated, asked again.
      expect(answers.map((answer) => answer.status)).toContain(422);

      const admins = await server.database.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('deactivated_at', 'is', null)
        .execute();
      expect(admins).toHaveLength(1);
      // The promotion, and the one change that went through.
      expect(await auditEvents()).toHaveLength(2);
    },
  );
});

describe('deactivating', () => {
  it("ends the user's bearer tokens and cookie sessions at once, and they cannot sign in", async () => {
    const jar = cookieJar();
    await demoSignIn(server.url, jar, USERS.sam);
    const tokens = await signIn(server, USERS.sam);
    const cookieRequest = () =>
      server.request('GET', '/api/v2', {
        token: null,
        headers: { Cookie: jar.header(), 'X-Requested-With': 'XMLHttpRequest' },
      });
    // Each is remembered or live before the change.
    expect((await server.request('GET', '/api/v2', { token: 'dev-rep-sam' })).status).toBe(200);
    expect((await server.request('GET', '/api/v2', { token: tokens.access_token })).status).toBe(
      200,
    );
    expect((await cookieRequest()).status).toBe(200);

    const locked = single(await patchUser(USERS.sam, { locked: true }));
    expect(locked.attributes).toMatchObject({ locked: true });

    failure(await server.request('GET', '/api/v2', { token: 'dev-rep-sam' }), 401);
    failure(await server.request('GET', '/api/v2', { token: tokens.access_token }), 401);
    failure(await cookieRequest(), 401);
    expect((await refreshTokens(server, tokens.refresh_token)).status).toBe(400);
    const sessions = await server.database.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('subject', '=', String(USERS.sam))
      .execute();
    expect(sessions).toEqual([]);

    const page = await fetch(
      `${server.url}/oauth/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: 'phone-numbers-admin',
        redirect_uri: `${server.url}/auth/callback`,
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S256',
      }).toString()}`,
    );
    const html = await page.text();
    expect(html).toContain('Continue as Riley Rep');
    expect(html).not.toContain('Sam Rep');
    const chosen = await postContinueAs(server, USERS.sam, verifierFor());
    expect(chosen.status).toBe(303);
    const back = new URL(chosen.headers.get('Location') ?? '');
    expect(back.searchParams.get('code')).toBeNull();
    expect(back.searchParams.get('error_description')).toBe('Unknown or deactivated user');
  });

  it('reactivates: they can sign in again, with new sessions only', async () => {
    const jar = cookieJar();
    await demoSignIn(server.url, jar, USERS.sam);
    single(await patchUser(USERS.sam, { locked: true }));
    const reactivated = single(await patchUser(USERS.sam, { locked: false }));
    expect(reactivated.attributes).toMatchObject({ locked: false, role: 'rep' });

    failure(
      await server.request('GET', '/api/v2', {
        token: null,
        headers: { Cookie: jar.header(), 'X-Requested-With': 'XMLHttpRequest' },
      }),
      401,
    );
    expect((await server.request('GET', '/api/v2', { token: 'dev-rep-sam' })).status).toBe(200);
    const again = cookieJar();
    expect((await demoSignIn(server.url, again, USERS.sam)).status).toBe(303);

    const events = await auditEvents();
    expect(events.map((event) => [event.action, event.before_json, event.after_json])).toEqual([
      ['deactivated', '{"locked":false}', '{"locked":true}'],
      ['reactivated', '{"locked":true}', '{"locked":false}'],
    ]);
  });
});
