export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window ends and the count starts again. */
  resetAt: number;
  retryAfterSeconds: number;
}

/**
 * A fixed one-hour window per key, starting at the key's first request: simple to reason about and to
 * show in X-RateLimit-Reset. Kept in memory, which is right for this single-process server.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAtMs: number }>();
  #hitsSinceSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  hit(key: string): RateLimitState {
    const nowMs = this.now();
    this.#sweep(nowMs);
    let window = this.#windows.get(key);
    if (!window || window.resetAtMs <= nowMs) {
      window = { count: 0, resetAtMs: nowMs + this.windowMs };
      this.#windows.set(key, window);
    }
    const allowed = window.count < this.limit;
    if (allowed) window.count += 1;
    return {
      allowed,
      limit: this.limit,
      remaining: this.limit - window.count,
      resetAt: Math.ceil(window.resetAtMs / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetAtMs - nowMs) / 1000)),
    };
  }

  /** Drops finished windows now and then, so idle keys do not pile up. */
  #sweep(nowMs: number): void {
    if (++this.#hitsSinceSweep < 10_000) return;
    this.#hitsSinceSweep = 0;
    for (const [key, window] of this.#windows)
      if (window.resetAtMs <= nowMs) this.#windows.delete(key);
  }
}

/**
 * Counts one request against each of several limits (a user's and an address's, say). The answer is the
 * first refusal, or else the limit closest to running out, which is what the headers then describe.
 */
export function hitEach(hits: readonly (readonly [RateLimiter, string])[]): RateLimitState {
  let answer: RateLimitState | undefined;
  for (const [limiter, key] of hits) {
    const state = limiter.hit(key);
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
