import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInOidcUser } from '../oidc/oidc-users';
import { NoAccess } from '../session/types';
import { USERS, failure, single } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const addUser = (attributes: Record<string, unknown>, token = 'dev-admin') =>
  server.request('POST', '/api/v2/users', {
    token,
    body: { data: { type: 'user', attributes } },
  });

const auditEvents = () =>
  server.database.db.selectFrom('audit_events').selectAll().orderBy('id').execute();

const usersWithEmail = (email: string) =>
  server.database.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.fn('lower', ['email']), '=', email.toLowerCase())
    .execute();

/** The sign-in through the team's provider, for a person whose provider has verified their email. */
const signInAs = (email: string, sub: string) =>
  signInOidcUser(
    server.database.db,
    { roleClaim: undefined, adminEmails: [] },
    { sub, email, email_verified: true },
    new Date().toISOString(),
  );

describe('adding a user', () => {
  it('answers 201 with the user and where it is, the email trimmed and lower-cased', async () => {
    const response = await addUser({
      email: '  Noor.Newcomer@Example.COM ',
      firstName: 'Noor',
      lastName: 'Newcomer',
      title: 'Account Executive',
      role: 'rep',
    });
    const created = single(response, 201);
    expect(created.attributes).toMatchObject({
      email: 'noor.newcomer@example.com',
      firstName: 'Noor',
      lastName: 'Newcomer',
      name: 'Noor Newcomer',
      title: 'Account Executive',
      role: 'rep',
      locked: false,
      currentSignInAt: null,
    });
    expect(response.headers.get('Location')).toBe(`${server.url}/api/v2/users/${created.id}`);
    expect(single(await server.request('GET', `/api/v2/users/${created.id}`)).attributes).toEqual(
      created.attributes,
    );
  });

  it('records who added whom, with the email and role', async () => {
    const created = single(await addUser({ email: 'noor@example.com', role: 'viewer' }), 201);
    const events = await auditEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'created',
      resource_type: 'user',
      resource_id: created.id,
      actor_user_id: USERS.ada,
      actor_name: 'Ada Admin',
      prospect_id: null,
      before_json: null,
    });
    expect(JSON.parse(events[0]?.after_json ?? '')).toEqual({
      email: 'noor@example.com',
      role: 'viewer',
    });
  });

  it('names someone given by email alone after the email, and keeps no blank title', async () => {
    const created = single(
      await addUser({ email: 'kim.lee@example.com', firstName: ' ', title: '', role: 'rep' }),
      201,
    );
    expect(created.attributes).toMatchObject({
      firstName: 'kim.lee',
      lastName: '',
      name: 'kim.lee',
      title: null,
    });
  });

  it('lets the person added sign in through the provider, with the role given', async () => {
    await expect(signInAs('Noor@Example.com', 'noor-at-idp')).rejects.toThrow(NoAccess);
    const created = single(await addUser({ email: 'noor@example.com', role: 'viewer' }), 201);

    expect(await signInAs('Noor@Example.com', 'noor-at-idp')).toEqual({
      id: created.id,
      name: 'noor',
    });
    const [row] = await usersWithEmail('noor@example.com');
    expect(row).toMatchObject({ oidc_subject: 'noor-at-idp', role: 'viewer' });
  });
});

describe('what an admin may send', () => {
  it.each([
    ['no email', { role: 'rep' }, 'Give the email address the person signs in with.'],
    [
      'an email without a domain',
      { email: 'noor', role: 'rep' },
      'Enter an email address, such as name@',
    ],
    ['an email with two @', { email: 'noor@@example.com', role: 'rep' }, 'Enter an email address'],
    [
      'an email with a space inside',
      { email: 'noor new@example.com', role: 'rep' },
      'Enter an email address',
    ],
    ['an email that is not a string', { email: 42, role: 'rep' }, 'email must be a string.'],
    [
      'an email too long',
      { email: `${'n'.repeat(250)}@example.com`, role: 'rep' },
      'Keep this under',
    ],
  ])('refuses %s as 422 at /data/attributes/email', async (_, attributes, detail) => {
    const [problem, ...others] = failure(await addUser(attributes), 422);
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      id: 'validationError',
      source: { pointer: '/data/attributes/email' },
    });
    expect(problem?.detail).toContain(detail);
  });

  it('refuses a missing or unknown role at /data/attributes/role', async () => {
    const [missing] = failure(await addUser({ email: 'noor@example.com' }), 422);
    expect(missing).toMatchObject({
      source: { pointer: '/data/attributes/role' },
      detail: 'Give the new user a role: admin, rep, viewer.',
    });
    const [unknown] = failure(await addUser({ email: 'noor@example.com', role: 'owner' }), 422);
    expect(unknown).toMatchObject({
      source: { pointer: '/data/attributes/role' },
      detail: 'role must be one of admin, rep, viewer.',
    });
  });

  it('names each attribute a new user does not have, and every other problem, at once', async () => {
    const problems = failure(
      await addUser({ email: 'noor', locked: true, 'oidc/subject': 'x', role: 'rep' }),
      422,
    );
    expect(problems.map((problem) => problem.source?.pointer).sort()).toEqual([
      '/data/attributes/email',
      '/data/attributes/locked',
      '/data/attributes/oidc~1subject',
    ]);
    expect(problems.find((p) => p.source?.pointer === '/data/attributes/locked')?.detail).toBe(
      'A new user has no locked; give email, firstName, lastName, title and role.',
    );
  });

  it('refuses relationships and an id, which the server assigns', async () => {
    const [relationships] = failure(
      await server.request('POST', '/api/v2/users', {
        body: {
          data: {
            type: 'user',
            attributes: { email: 'noor@example.com', role: 'rep' },
            relationships: { manager: { data: { type: 'user', id: USERS.ada } } },
          },
        },
      }),
      422,
    );
    expect(relationships?.source?.pointer).toBe('/data/relationships');
    const [id] = failure(
      await server.request('POST', '/api/v2/users', {
        body: {
          data: { type: 'user', id: 99, attributes: { email: 'noor@example.com', role: 'rep' } },
        },
      }),
      422,
    );
    expect(id?.source?.pointer).toBe('/data/id');
    expect(await usersWithEmail('noor@example.com')).toEqual([]);
    expect(await auditEvents()).toEqual([]);
  });
});

describe('an email that is taken', () => {
  it("refuses a user's email in another case as 422 at the email, and records nothing", async () => {
    const [taken] = failure(await addUser({ email: 'Sam.Rep@EXAMPLE.com', role: 'admin' }), 422);
    expect(taken).toMatchObject({
      source: { pointer: '/data/attributes/email' },
      detail: 'sam.rep@example.com is already the email of a user; change that user instead.',
    });
    expect(await usersWithEmail('sam.rep@example.com')).toMatchObject([
      { id: USERS.sam, role: 'rep' },
    ]);
    expect(await auditEvents()).toEqual([]);
  });

  it('adds the person once when five admins add them at once, in five cases', async () => {
    const cases = [
      'pat.parallel@example.com',
      'Pat.Parallel@example.com',
      'PAT.PARALLEL@EXAMPLE.COM',
      'pat.Parallel@Example.com',
      'pAt.pArAllel@example.COM',
    ];
    const answers = await Promise.all(cases.map((email) => addUser({ email, role: 'rep' })));

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422, 422, 422, 422]);
    for (const answer of answers.filter((each) => each.status === 422)) {
      expect(failure(answer, 422)[0]?.source?.pointer).toBe('/data/attributes/email');
    }
    const rows = await usersWithEmail('pat.parallel@example.com');
    expect(rows).toHaveLength(1);
    const events = await auditEvents();
    expect(events.map((event) => [event.action, event.resource_id])).toEqual([
      ['created', rows[0]?.id],
    ]);
  });
});

describe('who may add users', () => {
  it.each([
    ['dev-rep-riley', 'Riley Rep'],
    ['dev-viewer', 'Val Viewer'],
  ])('refuses %s with 403 and adds no one', async (token, name) => {
    const [refusal] = failure(
      await addUser({ email: 'noor@example.com', role: 'rep' }, token),
      403,
    );
    expect(refusal).toMatchObject({
      id: 'unauthorizedRequest',
      detail: `Only an admin can add users, change their roles or deactivate them; ${name} is not one.`,
    });
    expect(await usersWithEmail('noor@example.com')).toEqual([]);
    expect(await auditEvents()).toEqual([]);
  });

  it('needs users.all: a read-only token is refused for its scope', async () => {
    const [refusal] = failure(
      await addUser({ email: 'noor@example.com', role: 'rep' }, 'dev-readonly'),
      403,
    );
    expect(refusal?.id).toBe('unauthorizedOauthScope');
  });
});
