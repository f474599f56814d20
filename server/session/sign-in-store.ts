import type { Kysely } from 'kysely';
import { hashToken, randomToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { occasionalPurge } from './purge';
import { openTokens, sealTokens } from './session-store';
import type { TokenCipher } from './token-cipher';
import type { SignInStore } from './types';

/** How long a sign-in may take from /auth/login to /auth/callback. */
export const SIGN_IN_ATTEMPT_MS = 10 * 60_000;
/** How long a popup's code for its frame lives. */
export const HANDOFF_MS = 60_000;

/**
 * Sign-in attempts and hand-offs, each taken by one `DELETE … RETURNING`: SQLite runs it as one
 * statement, so a state or code replayed in parallel finds the row gone however the requests interleave.
 */
export function createSignInStore(options: {
  db: Kysely<Database>;
  now: () => number;
  cipher: TokenCipher;
}): SignInStore {
  const { db, now, cipher } = options;
  const purgeExpired = occasionalPurge(now, async (at) => {
    await db.deleteFrom('sign_in_attempts').where('expires_at', '<=', at).execute();
    await db.deleteFrom('sign_in_handoffs').where('expires_at', '<=', at).execute();
  });

  return {
    startAttempt: async (state, browser, attempt) => {
      await purgeExpired();
      await db
        .insertInto('sign_in_attempts')
        .values({
          state_hash: hashToken(state),
          browser_hash: hashToken(browser),
          code_verifier: attempt.codeVerifier,
          nonce: attempt.nonce,
          return_to: attempt.returnTo,
          popup: attempt.popup ? 1 : 0,
          expires_at: now() + SIGN_IN_ATTEMPT_MS,
        })
        .execute();
    },

    takeAttempt: async (state, browser) => {
      const row = await db
        .deleteFrom('sign_in_attempts')
        .where('state_hash', '=', hashToken(state))
        .where('browser_hash', '=', hashToken(browser))
        .where('expires_at', '>', now())
        .returning(['code_verifier', 'nonce', 'return_to', 'popup'])
        .executeTakeFirst();
      return (
        row && {
          codeVerifier: row.code_verifier,
          nonce: row.nonce,
          returnTo: row.return_to,
          popup: row.popup === 1,
        }
      );
    },

    createHandoff: async (identity, mode) => {
      await purgeExpired();
      const code = randomToken();
      await db
        .insertInto('sign_in_handoffs')
        .values({
          code_hash: hashToken(code),
          mode,
          subject: identity.subject,
          display_name: identity.displayName ?? null,
          ...sealTokens(cipher, identity.tokens),
          expires_at: now() + HANDOFF_MS,
        })
        .execute();
      return code;
    },

    takeHandoff: async (code) => {
      const row = await db
        .deleteFrom('sign_in_handoffs')
        .where('code_hash', '=', hashToken(code))
        .where('expires_at', '>', now())
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        mode: row.mode,
        identity: {
          subject: row.subject,
          displayName: row.display_name ?? undefined,
          tokens: openTokens(cipher, row),
        },
      };
    },
  };
}
