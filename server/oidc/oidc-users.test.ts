import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/database';
import type { Database } from '../db/schema';
import { NoAccess } from '../session/types';
import { insertUsers } from '../testing/database-rows';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/temporary-database';
import { signInOidcUser, type OidcClaims } from './oidc-users';

const AT = '2026-12-04T12:00:00.000Z';
const ADMIN_EMAIL = 'bo.boss@example.com';
const CONFIG = { roleClaim: undefined, adminEmails: [ADMIN_EMAIL] };

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const database of opened.splice(0).reverse()) await database.close();
});

/** One database opened twice, as two server processes open it: two pools, or two SQLite connections. */
async function twoProcesses(): Promise<[Kysely<Database>, Kysely<Database>]> {
  const temporary: TemporaryDatabase = await openTemporaryDatabase();
  opened.push({ close: temporary.dispose });
  const second: OpenedDatabase = await openDatabase(temporary.location);
  opened.push(second);
  return [temporary.database.db, second.db];
}

const claims = (sub: string, email: string): OidcClaims => ({
  sub,
  email,
  email_verified: true,
  name: 'Bo Boss',
});

/** The outcome of each sign-in: the user's id, or the heading it was refused with. */
const outcomes = (attempts: Promise<{ id: number }>[]) =>
  Promise.all(
    attempts.map((attempt) =>
      attempt.then(
        ({ id }) => id,
        (error: unknown) => {
          if (error instanceof NoAccess) return error.heading;
          throw error;
        },
      ),
    ),
  );

/** A rep known here by their email, not yet by a sub. */
async function repWithEmail(db: Kysely<Database>, firstName: string, email: string) {
  const [rep] = await insertUsers(db, [{ firstName, lastName: 'Rep', role: 'rep', email }]);
  if (!rep) throw new Error('The rep was not written');
  return rep.id;
}

const usersWithEmail = (db: Kysely<Database>, email: string) =>
  db.selectFrom('users').select(['id', 'oidc_subject']).where('email', '=', email).execute();

describe('signing in through the provider from two processes at once', () => {
  it('makes one admin of an ADMIN_EMAILS person signing in twice at once (two tabs)', async () => {
    const [one, two] = await twoProcesses();
    for (let round = 0; round < 8; round++) {
      const email = `${round}.${ADMIN_EMAIL}`;
      const config = { ...CONFIG, adminEmails: [email] };
      const [first, second] = await outcomes([
        signInOidcUser(one, config, claims(`sub-${round}`, email), AT),
        signInOidcUser(two, config, claims(`sub-${round}`, email), AT),
      ]);
      expect(typeof first).toBe('number');
      expect(second).toBe(first);
      expect(await usersWithEmail(one, email)).toEqual([
        { id: first, oidc_subject: `sub-${round}` },
      ]);
    }
    const created = await one
      .selectFrom('audit_events')
      .select('resource_id')
      .where('action', '=', 'created')
      .execute();
    expect(created).toHaveLength(8);
  });

  it('makes an admin of only one of two accounts with one ADMIN_EMAILS email signing in first at once', async () => {
    const [one, two] = await twoProcesses();
    for (let round = 0; round < 8; round++) {
      const email = `${round}.${ADMIN_EMAIL}`;
      const config = { ...CONFIG, adminEmails: [email] };
      const results = await outcomes([
        signInOidcUser(one, config, claims(`first-${round}`, email), AT),
        signInOidcUser(two, config, claims(`second-${round}`, email), AT),
      ]);
      const [user] = await usersWithEmail(one, email);
      expect(results.toSorted()).toEqual([user?.id, 'No access'].toSorted());
      expect(user?.oidc_subject).toBe(
        results[0] === user?.id ? `first-${round}` : `second-${round}`,
      );
    }
  });

  it('links a user matched by email to one sub only when two accounts claim that email at once', async () => {
    const [one, two] = await twoProcesses();
    for (let round = 0; round < 8; round++) {
      const email = `${round}.riley@example.com`;
      const id = await repWithEmail(one, 'Riley', email);
      const results = await outcomes([
        signInOidcUser(one, CONFIG, claims(`first-${round}`, email), AT),
        signInOidcUser(two, CONFIG, claims(`second-${round}`, email), AT),
      ]);
      expect(results.toSorted()).toEqual([id, 'No access'].toSorted());
      const winner = results[0] === id ? `first-${round}` : `second-${round}`;
      expect(await usersWithEmail(one, email)).toEqual([{ id, oidc_subject: winner }]);
    }
  });

  it('lets the same account through twice at once when its sub is being linked', async () => {
    const [one, two] = await twoProcesses();
    for (let round = 0; round < 8; round++) {
      const email = `${round}.sam@example.com`;
      const id = await repWithEmail(one, 'Sam', email);
      expect(
        await outcomes([
          signInOidcUser(one, CONFIG, claims(`sam-${round}`, email), AT),
          signInOidcUser(two, CONFIG, claims(`sam-${round}`, email), AT),
        ]),
      ).toEqual([id, id]);
      expect(await usersWithEmail(one, email)).toEqual([{ id, oidc_subject: `sam-${round}` }]);
    }
  });
});
