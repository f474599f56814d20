import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APPLICATION_NAME,
  listenForPrincipalChanges,
  type PrincipalChangeListener,
} from '../db/principal-changes';
import type { Database } from '../db/schema';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/temporary-database';
import { DEFAULT_SCOPE } from './scopes';
import { createTokenService } from './tokens';

const AT = '2026-12-04T12:00:00.000Z';

/**
 * Two server processes' token services on one PostgreSQL database, each with its own listener
 * (decision 0052): what one process, or anyone's SQL, changes about a user or a token is heard by the
 * other, which then looks the token up again.
 */
describe('principals remembered while changes are heard, on PostgreSQL', () => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  });

  /** A process: its token service, its listener, and how many token look-ups it has made. */
  async function serverProcess(temporary: TemporaryDatabase) {
    const listener = listenForPrincipalChanges(temporary.location);
    cleanUps.push(() => listener.close());
    await listener.ready;
    let lookUps = 0;
    const counted = temporary.database.db.withPlugin({
      transformQuery: (args) => {
        lookUps += 1;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const tokens = createTokenService({
      db: counted,
      production: true,
      accessTtlSeconds: 3_600,
      now: Date.now,
      cachePrincipals: true,
      principalChanges: listener,
    });
    return { tokens, listener, lookUps: () => lookUps };
  }

  /** Resolves when `listener` hears of a change to `userId`. */
  const heard = (listener: PrincipalChangeListener, userId: number) =>
    new Promise<void>((resolve) => {
      listener.subscribe((changed) => {
        if (changed === userId) resolve();
      });
    });

  async function setUp() {
    const temporary = await openTemporaryDatabase();
    cleanUps.push(() => temporary.dispose());
    const db: Kysely<Database> = temporary.database.db;
    const { id: userId } = await db
      .insertInto('users')
      .values({
        first_name: 'Riley',
        last_name: 'Rep',
        email: 'riley@example.com',
        title: null,
        role: 'rep',
        created_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await serverProcess(temporary);
    const b = await serverProcess(temporary);
    const { access_token: token } = await a.tokens.issue({
      userId,
      clientId: 'phone-numbers-admin',
      scope: DEFAULT_SCOPE,
      familyId: 'family-1',
    });
    return { db, temporary, userId, a, b, token };
  }

  it('answers from memory, and refuses a token the other process revoked once it hears of it', async () => {
    const { userId, a, b, token } = await setUp();
    expect((await b.tokens.authenticate(token))?.userId).toBe(userId);
    const lookUps = b.lookUps();
    expect((await b.tokens.authenticate(token))?.userId).toBe(userId);
    expect(b.lookUps()).toBe(lookUps);

    const told = heard(b.listener, userId);
    await a.tokens.revokeFamily('family-1');
    await told;
    expect(await b.tokens.authenticate(token)).toBeUndefined();
  });

  it('hears of a user deactivated or given another role by any writer, plain SQL included', async () => {
    const { db, userId, b, token } = await setUp();
    expect((await b.tokens.authenticate(token))?.role).toBe('rep');

    let told = heard(b.listener, userId);
    await db.updateTable('users').set({ role: 'viewer' }).where('id', '=', userId).execute();
    await told;
    expect((await b.tokens.authenticate(token))?.role).toBe('viewer');

    told = heard(b.listener, userId);
    await db.updateTable('users').set({ deactivated_at: AT }).where('id', '=', userId).execute();
    await told;
    expect(await b.tokens.authenticate(token)).toBeUndefined();
  });

  it('looks every token up while its connection is lost, and remembers again once it listens again', async () => {
    const { db, temporary, a, b, token, userId } = await setUp();
    expect(await b.tokens.authenticate(token)).toBeDefined();
    expect(await a.tokens.authenticate(token)).toBeDefined();

    // The listeners' connections end (a restart, a proxy's idle timeout): notifications would be missed.
    const database = temporary.location.slice(temporary.location.lastIndexOf('/') + 1);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${database} and application_name = ${APPLICATION_NAME}`.execute(db);
    await vi.waitFor(() => {
      expect(b.listener.listening()).toBe(false);
    });
    const before = b.lookUps();
    expect(await b.tokens.authenticate(token)).toBeDefined();
    expect(await b.tokens.authenticate(token)).toBeDefined();
    expect(b.lookUps()).toBe(before + 2);

    await vi.waitFor(
      () => {
        expect(b.listener.listening()).toBe(true);
      },
      { timeout: 10_000 },
    );
    expect(await b.tokens.authenticate(token)).toBeDefined();
    const listening = b.lookUps();
    expect(await b.tokens.authenticate(token)).toBeDefined();
    expect(b.lookUps()).toBe(listening);
    const told = heard(b.listener, userId);
    await a.tokens.revokeFamily('family-1');
    await told;
    expect(await b.tokens.authenticate(token)).toBeUndefined();
  });
});
