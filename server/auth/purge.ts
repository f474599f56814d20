import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** How often, at most, expired codes and tokens are deleted. */
export const PURGE_INTERVAL_MS = 60_000;

/**
 * Deletes expired authorization codes and tokens, at most once a minute (by the server's clock), when
 * asked on the way to issuing new ones: what only grows with sign-ins shrinks with them, and an idle
 * server does no work. A spent code is kept while the access token it gave could still be alive, so that
 * a replay in that time still finds it and revokes the tokens (decision 0028); revoked refresh tokens are
 * kept until they expire for the same reason.
 */
export function createExpiryPurge(options: {
  db: Kysely<Database>;
  now: () => number;
  accessTtlSeconds: number;
}): () => Promise<void> {
  const { db, now, accessTtlSeconds } = options;
  let nextAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const at = now();
    if (at < nextAt) return;
    nextAt = at + PURGE_INTERVAL_MS;
    const iso = new Date(at).toISOString();
    const spentLongAgo = new Date(at - accessTtlSeconds * 1000).toISOString();
    await db
      .deleteFrom('oauth_codes')
      .where('expires_at', '<=', iso)
      .where((eb) => eb.or([eb('consumed_at', 'is', null), eb('consumed_at', '<=', spentLongAgo)]))
      .execute();
    await db.deleteFrom('oauth_tokens').where('expires_at', '<=', iso).execute();
  };
}
