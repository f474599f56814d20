import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window ends and the count starts again. */
  resetAt: number;
  retryAfterSeconds: number;
}

/**
 * A fixed window per key, starting at the key's first request: simple to reason about and to show in
 * X-RateLimit-Reset.
 */
export interface RateLimiter {
  /**
   * Counts one request against `key`. `db` is the transaction the request is in, if any: a limiter kept
   * in the database counts there, since a query beside an open SQLite transaction would wait for it.
   */
  hit: (key: string, db?: Kysely<Database>) => Promise<RateLimitState>;
}

/** Makes the limiters of one server; `name` keeps their keys apart where they share a store. */
export type RateLimits = (name: string, limit: number, windowMs: number) => RateLimiter;

function stateOf(limit: number, count: number, resetAtMs: number, nowMs: number): RateLimitState {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetAt: Math.ceil(resetAtMs / 1000),
    retryAfterSeconds: Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000)),
  };
}

/** Counts in this process's memory: right for one process, the fastest (decision 0052). */
class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAtMs: number }>();
  #hitsSinceSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  hit(key: string): Promise<RateLimitState> {
    const nowMs = this.now();
    this.#sweep(nowMs);
    let window = this.#windows.get(key);
    if (!window || window.resetAtMs <= nowMs) {
      window = { count: 0, resetAtMs: nowMs + this.windowMs };
      this.#windows.set(key, window);
    }
    const counted = window.count + 1;
    if (counted <= this.limit) window.count = counted;
    return Promise.resolve(stateOf(this.limit, counted, window.resetAtMs, nowMs));
  }

  /** Drops finished windows now and then, so idle keys do not pile up. */
  #sweep(nowMs: number): void {
    if (++this.#hitsSinceSweep < 10_000) return;
    this.#hitsSinceSweep = 0;
    for (const [key, window] of this.#windows)
      if (window.resetAtMs <= nowMs) this.#windows.delete(key);
  }
}

export const memoryRateLimits =
  (now: () => number): RateLimits =>
  (_name, limit, windowMs) =>
    new MemoryRateLimiter(limit, windowMs, now);

/** How often, at most, one process deletes finished windows from the database. */
const PURGE_INTERVAL_MS = 60_000;

/**
 * Counts in the database, where every server process sees the same counts (decision 0052). A hit is one
 * statement: it inserts the key's window, or counts one more in it, or starts it again if it has ended,
 * and returns the count; the database runs concurrent statements on one row one after the other, so
 * however many processes hit a key at once no more than the limit are admitted. Refused requests stop
 * counting at one past the limit. Finished windows are deleted at most once a minute per process, on the
 * way to counting a request, as the OAuth grants' purge does.
 */
export function databaseRateLimits(db: Kysely<Database>, now: () => number): RateLimits {
  let nextPurgeAt = Number.NEGATIVE_INFINITY;
  return (name, limit, windowMs) => ({
    hit: async (key, executor = db) => {
      const nowMs = now();
      if (nowMs >= nextPurgeAt) {
        nextPurgeAt = nowMs + PURGE_INTERVAL_MS;
        await executor.deleteFrom('rate_limits').where('reset_at', '<=', nowMs).execute();
      }
      const row = await executor
        .insertInto('rate_limits')
        .values({ bucket: `${name}:${key}`, hits: 1, reset_at: nowMs + windowMs })
        .onConflict((conflict) =>
          conflict.column('bucket').doUpdateSet((eb) => {
            const ended = eb('rate_limits.reset_at', '<=', nowMs);
            return {
              hits: eb
                .case()
                .when(ended)
                .then(eb.lit(1))
                .when('rate_limits.hits', '>', limit)
                .then(eb.ref('rate_limits.hits'))
                .else(eb('rate_limits.hits', '+', eb.lit(1)))
                .end(),
              reset_at: eb
                .case()
                .when(ended)
                .then(eb.ref('excluded.reset_at'))
                .else(eb.ref('rate_limits.reset_at'))
                .end(),
            };
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      // PostgreSQL's driver reads a bigint as a string.
      return stateOf(limit, row.hits, Number(row.reset_at), nowMs);
    },
  });
}

/**
 * Counts one request against each of several limits (a user's and an address's, say). The answer is the
 * first refusal, or else the limit closest to running out, which is what the headers then describe.
 */
export async function hitEach(
  hits: readonly (readonly [RateLimiter, string])[],
): Promise<RateLimitState> {
  let answer: RateLimitState | undefined;
  for (const state of await Promise.all(hits.map(([limiter, key]) => limiter.hit(key)))) {
    if (
      answer === undefined ||
      (answer.allowed && (!state.allowed || state.remaining < answer.remaining))
    )
      answer = state;
  }
  if (answer === undefined) throw new Error('hitEach needs at least one limit');
  return answer;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.resetAt),
  };
}
