import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import type { SessionStore, StoredSession, UpstreamTokens } from '../session/types';

const HOUR_MS = 3_600_000;

export interface MemorySessionStore extends SessionStore {
  /** Every saveTokens, in order, as it finished. */
  readonly saved: UpstreamTokens[];
}

/**
 * A SessionStore in memory for tests of what is built on it: one Map shared by everyone holding the
 * store, as one database is shared by several processes, with the claim's conditional semantics.
 */
export function createMemorySessionStore(
  options: { now?: () => number; saveDelayMs?: number } = {},
): MemorySessionStore {
  const now = options.now ?? Date.now;
  const sessions = new Map<string, StoredSession & { claimedUntil: number | undefined }>();
  const saved: UpstreamTokens[] = [];
  const delay = () =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, options.saveDelayMs ?? 0);
    });

  return {
    saved,
    create: (identity, { mode, kind }) => {
      const id = randomBytes(32).toString('base64url');
      const at = now();
      const session: StoredSession = {
        idHash: hashToken(id),
        kind,
        mode,
        subject: identity.subject,
        displayName: identity.displayName ?? null,
        createdAt: at,
        idleExpiresAt: at + 8 * HOUR_MS,
        absoluteExpiresAt: at + 14 * 24 * HOUR_MS,
        tokens: identity.tokens,
      };
      sessions.set(session.idHash, { ...session, claimedUntil: undefined });
      return Promise.resolve({ id, session });
    },
    find: (id) => Promise.resolve(sessions.get(hashToken(id))),
    delete: (idHash) => {
      sessions.delete(idHash);
      return Promise.resolve();
    },
    claimRefresh: (idHash, untilMs) => {
      const session = sessions.get(idHash);
      if (!session || (session.claimedUntil !== undefined && session.claimedUntil >= now()))
        return Promise.resolve(false);
      session.claimedUntil = untilMs;
      return Promise.resolve(true);
    },
    saveTokens: async (idHash, tokens) => {
      await delay();
      const session = sessions.get(idHash);
      if (!session) return;
      session.tokens = tokens;
      session.claimedUntil = undefined;
      saved.push(tokens);
    },
    readTokens: (idHash) => Promise.resolve(sessions.get(idHash)?.tokens),
  };
}
