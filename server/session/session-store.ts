import type { Kysely, Selectable } from 'kysely';
import { hashToken, randomToken } from '../auth/tokens';
import type { Database, SessionsTable } from '../db/schema';
import { occasionalPurge } from './purge';
import type { TokenCipher } from './token-cipher';
import type { SessionStore, StoredSession, UpstreamTokens } from './types';

/** A session ends after 8 hours unused, and 14 days after sign-in whatever happens (decision 0046). */
export const SESSION_IDLE_MS = 8 * 3_600_000;
export const SESSION_ABSOLUTE_MS = 14 * 24 * 3_600_000;

/** Moving the idle expiry is a write: done when the last one is older than this, not on every request. */
const TOUCH_AFTER_MS = 60_000;

/** A session id as the store makes them: 32 random bytes in base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

type SessionRow = Selectable<SessionsTable>;

/** Upstream tokens sealed for a row; all null without tokens. */
export function sealTokens(cipher: TokenCipher, tokens: UpstreamTokens | undefined) {
  return tokens
    ? {
        access_token_enc: cipher.seal(tokens.accessToken),
        refresh_token_enc: cipher.seal(tokens.refreshToken),
        access_expires_at: tokens.expiresAt,
      }
    : { access_token_enc: null, refresh_token_enc: null, access_expires_at: null };
}

/** The tokens a row holds, opened; throws when they cannot be (a key no longer listed, or altered). */
export function openTokens(
  cipher: TokenCipher,
  row: Pick<SessionRow, 'access_token_enc' | 'refresh_token_enc' | 'access_expires_at'>,
): UpstreamTokens | undefined {
  if (row.access_token_enc === null || row.refresh_token_enc === null) return undefined;
  return {
    accessToken: cipher.open(row.access_token_enc),
    refreshToken: cipher.open(row.refresh_token_enc),
    expiresAt: row.access_expires_at ?? 0,
  };
}

const storedSession = (row: SessionRow, tokens: UpstreamTokens | undefined): StoredSession => ({
  idHash: row.id_hash,
  kind: row.kind,
  mode: row.mode,
  subject: row.subject,
  displayName: row.display_name,
  createdAt: row.created_at,
  idleExpiresAt: row.idle_expires_at,
  absoluteExpiresAt: row.absolute_expires_at,
  tokens,
});

/**
 * Sessions in the database, found by the SHA-256 of their id: the id itself is only ever in the
 * browser's cookie, so a copy of the table signs no one in. Upstream tokens are sealed by `cipher`.
 */
export function createSessionStore(options: {
  db: Kysely<Database>;
  now: () => number;
  cipher: TokenCipher;
}): SessionStore {
  const { db, now, cipher } = options;
  // The idle expiry never passes the absolute one, so it alone says whether a session is over.
  const purgeExpired = occasionalPurge(now, async (at) => {
    await db.deleteFrom('sessions').where('idle_expires_at', '<=', at).execute();
  });

  const remove = async (idHash: string) => {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  };

  return {
    create: async (identity, { mode, kind }) => {
      await purgeExpired();
      const at = now();
      const id = randomToken();
      const row: SessionRow = {
        id_hash: hashToken(id),
        kind,
        mode,
        subject: identity.subject,
        display_name: identity.displayName ?? null,
        created_at: at,
        last_seen_at: at,
        idle_expires_at: at + SESSION_IDLE_MS,
        absolute_expires_at: at + SESSION_ABSOLUTE_MS,
        ...sealTokens(cipher, identity.tokens),
        refresh_claimed_until: null,
      };
      await db.insertInto('sessions').values(row).execute();
      return { id, session: storedSession(row, identity.tokens) };
    },

    find: async (id) => {
      if (!SESSION_ID.test(id)) return undefined;
      const idHash = hashToken(id);
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const at = now();
      if (row.idle_expires_at <= at || row.absolute_expires_at <= at) {
        await remove(idHash);
        return undefined;
      }
      let tokens: UpstreamTokens | undefined;
      try {
        tokens = openTokens(cipher, row);
      } catch {
        // Sealed with a key that is no longer listed: the session cannot reach upstream, so it is over.
        await remove(idHash);
        return undefined;
      }
      if (at - row.last_seen_at > TOUCH_AFTER_MS) {
        row.last_seen_at = at;
        row.idle_expires_at = Math.min(at + SESSION_IDLE_MS, row.absolute_expires_at);
        await db
          .updateTable('sessions')
          .set({ last_seen_at: row.last_seen_at, idle_expires_at: row.idle_expires_at })
          .where('id_hash', '=', idHash)
          .execute();
      }
      return storedSession(row, tokens);
    },

    delete: remove,

    claimRefresh: async (idHash, untilMs) => {
      const claimed = await db
        .updateTable('sessions')
        .set({ refresh_claimed_until: untilMs })
        .where('id_hash', '=', idHash)
        .where((eb) =>
          eb.or([eb('refresh_claimed_until', 'is', null), eb('refresh_claimed_until', '<', now())]),
        )
        .executeTakeFirst();
      return claimed.numUpdatedRows !== 0n;
    },

    saveTokens: async (idHash, tokens) => {
      await db
        .updateTable('sessions')
        .set({ ...sealTokens(cipher, tokens), refresh_claimed_until: null })
        .where('id_hash', '=', idHash)
        .execute();
    },

    readTokens: async (idHash) => {
      const row = await db
        .selectFrom('sessions')
        .select(['access_token_enc', 'refresh_token_enc', 'access_expires_at'])
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return row && openTokens(cipher, row);
    },
  };
}
