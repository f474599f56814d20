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

/**
 * How many requests one statement claims for a process at most, and at least this fraction of the limit:
 * a process serves its claim without asking again, and the claims of all processes never add up past the
 * limit (decision 0052). A limit under 400 is claimed one request at a time.
 */
const MOST_CLAIMED = 100;
const CLAIMED_FRACTION = 200;

interface Window {
  bucket: string;
  limit: number;
  windowMs: number;
  /** How many requests one statement claims in this window. */
  claim: number;
}

/** What this process holds of a window: requests claimed and not yet used, until the window ends. */
interface Claim {
  resetAtMs: number;
  /** The window's count in the database when last read: every process's claims, and refusals. */
  counted: number;
  left: number;
}

/**
 * Counts in the database, where every server process sees the same counts (decision 0052). A statement
 * claims requests for keys: for each it inserts the window, or adds the claim to its count, or starts it
 * again if it has ended, and returns the count, from which the process works out how many of its claim
 * fell within the limit. The database applies concurrent statements to one row one after the other, so
 * however many processes claim at once the claims granted never add up past the limit; the rows are
 * written in the order of their keys, so that two statements never wait for each other's rows. A process
 * serves what it was granted from memory, and refuses from memory once a claim came back empty, until the
 * window ends. A hit inside the caller's transaction claims one request and keeps nothing, since the
 * transaction may roll its count back. Finished windows are deleted at most once a minute per process, on
 * the way to a claim, as the OAuth grants' purge does.
 */
export function databaseRateLimits(db: Kysely<Database>, now: () => number): RateLimits {
  let nextPurgeAt = Number.NEGATIVE_INFINITY;
  const windows = new WeakMap<RateLimiter, (key: string) => Window>();
  const claims = new Map<string, Claim>();
  /** The claims being made, by bucket. */
  const pending = new Map<string, Promise<void>>();
  let hitsSinceSweep = 0;

  /** Adds `claim` (or 1) to each window's count; the claims as granted, in the order of `hits`. */
  async function claim(
    executor: Kysely<Database>,
    hits: readonly Window[],
    nowMs: number,
    one: boolean,
  ): Promise<Claim[]> {
    if (nowMs >= nextPurgeAt) {
      nextPurgeAt = nowMs + PURGE_INTERVAL_MS;
      await executor.deleteFrom('rate_limits').where('reset_at', '<=', nowMs).execute();
    }
    const size = (window: Window) => (one ? 1 : window.claim);
    const rows = await executor
      .insertInto('rate_limits')
      .values(
        [...hits]
          .sort((a, b) => (a.bucket < b.bucket ? -1 : 1))
          .map((window) => ({
            bucket: window.bucket,
            hits: size(window),
            reset_at: nowMs + window.windowMs,
          })),
      )
      .onConflict((conflict) =>
        conflict.column('bucket').doUpdateSet((eb) => {
          const ended = eb('rate_limits.reset_at', '<=', nowMs);
          return {
            hits: eb
              .case()
              .when(ended)
              .then(eb.ref('excluded.hits'))
              .else(eb('rate_limits.hits', '+', eb.ref('excluded.hits')))
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
    return hits.map((window) => {
      const row = rows.find((each) => each.bucket === window.bucket);
      if (!row) throw new Error(`No rate-limit window came back for ${window.bucket}`);
      const before = row.hits - size(window);
      return {
        // PostgreSQL's driver reads a bigint as a string.
        resetAtMs: Number(row.reset_at),
        counted: row.hits,
        left: Math.min(size(window), Math.max(0, window.limit - before)),
      };
    });
  }

  /** Uses one request of a claim: the state a response describes. */
  function use(window: Window, held: Claim, nowMs: number): RateLimitState {
    const allowed = held.left > 0;
    if (allowed) held.left -= 1;
    return {
      ...stateOf(window.limit, held.counted, held.resetAtMs, nowMs),
      allowed,
      remaining: Math.max(0, window.limit - held.counted) + held.left,
    };
  }

  /** Keeps a claim that came back, adding it to what is held of the same window. */
  function keep(bucket: string, granted: Claim): Claim {
    const held = claims.get(bucket);
    if (held && held.resetAtMs === granted.resetAtMs) {
      held.left += granted.left;
      held.counted = Math.max(held.counted, granted.counted);
      return held;
    }
    claims.set(bucket, granted);
    return granted;
  }

  /** Drops the claims of ended windows now and then, so that idle keys do not pile up. */
  function sweep(nowMs: number): void {
    if (++hitsSinceSweep < 10_000) return;
    hitsSinceSweep = 0;
    for (const [bucket, held] of claims) if (held.resetAtMs <= nowMs) claims.delete(bucket);
  }

  /** Whether a claim on `window` is held: requests left, or the window spent until it ends. */
  function held(window: Window, nowMs: number): Claim | undefined {
    const claimed = claims.get(window.bucket);
    // Nothing left of a claim that was granted in full: claim again. A claim that came back short means
    // the window is spent until it ends.
    return claimed &&
      claimed.resetAtMs > nowMs &&
      (claimed.left > 0 || claimed.counted > window.limit)
      ? claimed
      : undefined;
  }

  async function count(hits: readonly Window[]): Promise<RateLimitState[]> {
    for (;;) {
      const nowMs = now();
      sweep(nowMs);
      // Requests of one process that need a claim while one is being made for them wait for it: a
      // burst makes one claim, not one per request.
      const unheld = hits.filter((window) => held(window, nowMs) === undefined);
      const waits = unheld.flatMap((window) => pending.get(window.bucket) ?? []);
      if (waits.length > 0) {
        await Promise.all(waits);
        continue;
      }
      if (unheld.length > 0) {
        let release: () => void = () => undefined;
        const claimed = new Promise<void>((resolve) => {
          release = resolve;
        });
        for (const window of unheld) pending.set(window.bucket, claimed);
        try {
          const granted = await claim(db, unheld, nowMs, false);
          unheld.forEach((window, i) => {
            const fresh = granted[i];
            if (fresh) keep(window.bucket, fresh);
          });
        } finally {
          for (const window of unheld) pending.delete(window.bucket);
          release();
        }
      }
      // Other requests may have used up a claim held before this one's came back: then claim again.
      const usedAt = now();
      const holding = hits.flatMap((window) => {
        const claimed = held(window, usedAt);
        return claimed ? [{ window, claimed }] : [];
      });
      if (holding.length === hits.length) {
        return holding.map(({ window, claimed }) => use(window, claimed, usedAt));
      }
    }
  }

  function windowOf(limiter: RateLimiter, key: string): Window {
    const window = windows.get(limiter);
    if (!window) throw new Error('hitEach takes the limiters of its own RateLimits');
    return window(key);
  }

  return {
    limiter: (name, limit, windowMs) => {
      const windowFor = (key: string): Window => ({
        bucket: `${name}:${key}`,
        limit,
        windowMs,
        claim: Math.min(MOST_CLAIMED, Math.max(1, Math.floor(limit / CLAIMED_FRACTION))),
      });
      const limiter: RateLimiter = {
        hit: async (key, executor) => {
          const window = windowFor(key);
          if (executor === undefined) {
            const [state] = await count([window]);
            if (!state) throw new Error('A hit came back without its window');
            return state;
          }
          const nowMs = now();
          const [granted] = await claim(executor, [window], nowMs, true);
          if (!granted) throw new Error('A hit came back without its window');
          return use(window, granted, nowMs);
        },
      };
      windows.set(limiter, windowFor);
      return limiter;
    },
    hitEach: async (hits) =>
      mostPressing(await count(hits.map(([limiter, key]) => windowOf(limiter, key)))),
  };
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.resetAt),
  };
}
