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

/** A server's limiters, all kept in one place. */
export interface RateLimits {
  /** A limiter of `limit` requests per `windowMs`; `name` keeps its keys apart from other limiters'. */
  limiter: (name: string, limit: number, windowMs: number) => RateLimiter;
  /**
   * Counts one request against each of several of these limiters (a user's and an address's, say). The
   * answer is the first refusal, or else the limit closest to running out, which is what the headers
   * then describe.
   */
  hitEach: (hits: readonly (readonly [RateLimiter, string])[]) => Promise<RateLimitState>;
}

function mostPressing(states: readonly RateLimitState[]): RateLimitState {
  let answer: RateLimitState | undefined;
  for (const state of states) {
    if (
      answer === undefined ||
      (answer.allowed && (!state.allowed || state.remaining < answer.remaining))
    )
      answer = state;
  }
  if (answer === undefined) throw new Error('hitEach needs at least one limit');
  return answer;
}

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

export const memoryRateLimits = (now: () => number): RateLimits => ({
  limiter: (_name, limit, windowMs) => new MemoryRateLimiter(limit, windowMs, now),
  hitEach: async (hits) =>
    mostPressing(await Promise.all(hits.map(([limiter, key]) => limiter.hit(key)))),
});

/** How often, at most, one process deletes finished windows from the database. */
const PURGE_INTERVAL_MS = 60_000;

interface Window {
  bucket: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts in the database, where every server process sees the same counts (decision 0052). A request's
 * hits are one statement: for each key it inserts the window, or counts one more in it, or starts it
 * again if it has ended, and returns the count. The database applies concurrent statements to one row one
 * after the other, so however many processes hit a key at once no more than the limit are admitted; the
 * rows are written in the order of their keys, so that two statements never wait for each other's rows.
 * Finished windows are deleted at most once a minute per process, on the way to counting a request, as
 * the OAuth grants' purge does.
 */
export function databaseRateLimits(db: Kysely<Database>, now: () => number): RateLimits {
  let nextPurgeAt = Number.NEGATIVE_INFINITY;
  const windows = new WeakMap<RateLimiter, (key: string) => Window>();

  async function count(
    executor: Kysely<Database>,
    hits: readonly Window[],
  ): Promise<RateLimitState[]> {
    const nowMs = now();
    if (nowMs >= nextPurgeAt) {
      nextPurgeAt = nowMs + PURGE_INTERVAL_MS;
      await executor.deleteFrom('rate_limits').where('reset_at', '<=', nowMs).execute();
    }
    const rows = await executor
      .insertInto('rate_limits')
      .values(
        [...hits]
          .sort((a, b) => (a.bucket < b.bucket ? -1 : 1))
          .map(({ bucket, windowMs }) => ({ bucket, hits: 1, reset_at: nowMs + windowMs })),
      )
      .onConflict((conflict) =>
        conflict.column('bucket').doUpdateSet((eb) => {
          const ended = eb('rate_limits.reset_at', '<=', nowMs);
          return {
            hits: eb
              .case()
              .when(ended)
              .then(eb.lit(1))
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
      .returning(['bucket', 'hits', 'reset_at'])
      .execute();
    return hits.map(({ bucket, limit }) => {
      const row = rows.find((each) => each.bucket === bucket);
      if (!row) throw new Error(`No rate-limit window came back for ${bucket}`);
      // PostgreSQL's driver reads a bigint as a string.
      return stateOf(limit, row.hits, Number(row.reset_at), nowMs);
    });
  }

  function windowOf(limiter: RateLimiter, key: string): Window {
    const window = windows.get(limiter);
    if (!window) throw new Error('hitEach takes the limiters of its own RateLimits');
    return window(key);
  }

  return {
    limiter: (name, limit, windowMs) => {
      const windowFor = (key: string): Window => ({ bucket: `${name}:${key}`, limit, windowMs });
      const limiter: RateLimiter = {
        hit: async (key, executor = db) => {
          const [state] = await count(executor, [windowFor(key)]);
          if (!state) throw new Error('A hit came back without its window');
          return state;
        },
      };
      windows.set(limiter, windowFor);
      return limiter;
    },
    hitEach: async (hits) =>
      mostPressing(
        await count(
          db,
          hits.map(([limiter, key]) => windowOf(limiter, key)),
        ),
      ),
  };
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.resetAt),
  };
}
