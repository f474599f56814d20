import { describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { createSessionStore, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-store';
import { createSignInStore, HANDOFF_MS, SIGN_IN_ATTEMPT_MS } from './sign-in-store';
import { createTokenCipher, generateEncryptionKey } from './token-cipher';

const openDatabase = useTemporaryDatabases();
const HOUR = 3_600_000;

const TOKENS = {
  accessToken: 'fake-upstream-access-token-AAAA',
  refreshToken: 'fake-upstream-refresh-token-BBBB',
  expiresAt: Date.UTC(2026, 11, 4, 12),
};

async function stores() {
  const db = await openDatabase();
  const clock = { at: Date.UTC(2026, 11, 4, 10) };
  const now = () => clock.at;
  const cipher = createTokenCipher([generateEncryptionKey('k1')]);
  return {
    db,
    clock,
    cipher,
    sessions: createSessionStore({ db, now, cipher }),
    signIns: createSignInStore({ db, now, cipher }),
  };
}

describe('the session store', () => {
  it('keeps only the hash of the id, and the upstream tokens sealed', async () => {
    const { db, sessions } = await stores();
    const { id, session } = await sessions.create(
      { subject: '42', displayName: 'Riley Rep', tokens: TOKENS },
      { mode: 'outreach', kind: 'top' },
    );
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.idHash).toBe(hashToken(id));
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(id);
    expect(raw).not.toContain(TOKENS.accessToken);
    expect(raw).not.toContain(TOKENS.refreshToken);
    expect(rows[0]?.access_token_enc).toMatch(/^k1\./);
    expect(await sessions.find(id)).toMatchObject({
      subject: '42',
      displayName: 'Riley Rep',
      mode: 'outreach',
      kind: 'top',
      tokens: TOKENS,
    });
  });

  it('finds nothing for an unknown, malformed or deleted id', async () => {
    const { sessions } = await stores();
    const { id, session } = await sessions.create({ subject: '1' }, { mode: 'demo', kind: 'top' });
    expect(
      await sessions.find(`${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`),
    ).toBeUndefined();
    expect(await sessions.find('not a session id')).toBeUndefined();
    await sessions.delete(session.idHash);
    expect(await sessions.find(id)).toBeUndefined();
  });

  it('ends a session unused for 8 hours, and moves that on at most once a minute', async () => {
    const { db, clock, sessions } = await stores();
    const { id, session } = await sessions.create({ subject: '1' }, { mode: 'demo', kind: 'top' });
    const created = clock.at;
    clock.at += 30_000;
    expect((await sessions.find(id))?.idleExpiresAt).toBe(created + SESSION_IDLE_MS);
    clock.at += 60_000;
    expect((await sessions.find(id))?.idleExpiresAt).toBe(clock.at + SESSION_IDLE_MS);
    clock.at += SESSION_IDLE_MS;
    expect(await sessions.find(id)).toBeUndefined();
    const left = await db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', session.idHash)
      .execute();
    expect(left).toEqual([]);
  });

  it('ends a session 14 days after sign-in, however busy', async () => {
    const { clock, sessions } = await stores();
    const { id } = await sessions.create({ subject: '1' }, { mode: 'demo', kind: 'top' });
    const ends = clock.at + SESSION_ABSOLUTE_MS;
    while (clock.at + 7 * HOUR < ends) {
      clock.at += 7 * HOUR;
      expect((await sessions.find(id))?.idleExpiresAt).toBeLessThanOrEqual(ends);
    }
    clock.at = ends;
    expect(await sessions.find(id)).toBeUndefined();
  });

  it('ends a session whose tokens were sealed with a key no longer listed', async () => {
    const { db, clock } = await stores();
    const old = createSessionStore({
      db,
      now: () => clock.at,
      cipher: createTokenCipher([generateEncryptionKey('old')]),
    });
    const { id } = await old.create(
      { subject: '1', tokens: TOKENS },
      { mode: 'outreach', kind: 'top' },
    );
    const rotated = createSessionStore({
      db,
      now: () => clock.at,
      cipher: createTokenCipher([generateEncryptionKey('new')]),
    });
    expect(await rotated.find(id)).toBeUndefined();
  });

  it('lets one of many concurrent claims refresh, until the claim expires or tokens are saved', async () => {
    const { clock, sessions } = await stores();
    const { id, session } = await sessions.create(
      { subject: '1', tokens: TOKENS },
      { mode: 'outreach', kind: 'top' },
    );
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => sessions.claimRefresh(session.idHash, clock.at + 30_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    clock.at += 31_000;
    expect(await sessions.claimRefresh(session.idHash, clock.at + 30_000)).toBe(true);
    const rotated = {
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      expiresAt: clock.at + 2 * HOUR,
    };
    await sessions.saveTokens(session.idHash, rotated);
    expect(await sessions.readTokens(session.idHash)).toEqual(rotated);
    expect((await sessions.find(id))?.tokens).toEqual(rotated);
    expect(await sessions.claimRefresh(session.idHash, clock.at + 30_000)).toBe(true);
  });
});

describe('sign-in attempts and hand-offs', () => {
  const attempt = {
    codeVerifier: 'v'.repeat(43),
    nonce: 'n'.repeat(43),
    returnTo: '/phone-numbers',
    popup: false,
  };

  it('gives an attempt back once, to the browser that started it, within 10 minutes', async () => {
    const { clock, signIns } = await stores();
    await signIns.startAttempt('state-1', 'browser-1', attempt);
    expect(await signIns.takeAttempt('state-1', 'browser-2')).toBeUndefined();
    expect(await signIns.takeAttempt('state-1', 'browser-1')).toEqual(attempt);
    expect(await signIns.takeAttempt('state-1', 'browser-1')).toBeUndefined();

    await signIns.startAttempt('state-2', 'browser-1', { ...attempt, popup: true });
    clock.at += SIGN_IN_ATTEMPT_MS;
    expect(await signIns.takeAttempt('state-2', 'browser-1')).toBeUndefined();
  });

  it('lets exactly one of ten parallel requests take an attempt', async () => {
    const { signIns } = await stores();
    await signIns.startAttempt('state-1', 'browser-1', attempt);
    const taken = await Promise.all(
      Array.from({ length: 10 }, () => signIns.takeAttempt('state-1', 'browser-1')),
    );
    expect(taken.filter((entry) => entry !== undefined)).toHaveLength(1);
  });

  it('lets exactly one of ten parallel requests take a hand-off, tokens sealed meanwhile', async () => {
    const { db, signIns } = await stores();
    const code = await signIns.createHandoff(
      { subject: '7', displayName: 'Sam Rep', tokens: TOKENS },
      'outreach',
    );
    const raw = JSON.stringify(await db.selectFrom('sign_in_handoffs').selectAll().execute());
    expect(raw).not.toContain(code);
    expect(raw).not.toContain(TOKENS.accessToken);
    const taken = await Promise.all(Array.from({ length: 10 }, () => signIns.takeHandoff(code)));
    const winners = taken.filter((entry) => entry !== undefined);
    expect(winners).toEqual([
      { mode: 'outreach', identity: { subject: '7', displayName: 'Sam Rep', tokens: TOKENS } },
    ]);
  });

  it('forgets a hand-off after 60 seconds', async () => {
    const { clock, signIns } = await stores();
    const code = await signIns.createHandoff({ subject: '7' }, 'demo');
    clock.at += HANDOFF_MS;
    expect(await signIns.takeHandoff(code)).toBeUndefined();
  });
});
