/**
 * Requests a batch of work keeps under way at once (a bulk change, a bulk delete, an import's checks and
 * writes): the server stays busy, a thousand rows are never a thousand parallel requests, and of the
 * browser's six connections to the server two stay free for the page's own reads.
 */
export const REQUESTS_AT_ONCE = 4;

/** What became of one item's work: its value, or the error it failed with. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `work` for every item, never more than `limit` at once, each starting as soon as one ends: a
 * thousand rows are a steady few requests, not a thousand at once. Resolves, in the items' order, with
 * what became of each; one failure stops nothing. `onSettled` is told as each one ends.
 */
export async function runBounded<I, T>(
  items: readonly I[],
  limit: number,
  work: (item: I) => Promise<T>,
  onSettled?: (result: Settled<T>, item: I) => void,
): Promise<Settled<T>[]> {
  const results = new Array<Settled<T>>(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index] as I;
      let result: Settled<T>;
      try {
        result = { ok: true, value: await work(item) };
      } catch (error) {
        result = { ok: false, error };
      }
      results[index] = result;
      onSettled?.(result, item);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * A gate that lets `limit` tasks run at once and queues the others in the order they came: for work
 * that starts at different moments (timers) but must still be bounded.
 */
export function boundedGate(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
      });
    } else {
      running += 1;
    }
    try {
      return await task();
    } finally {
      const wake = waiting.shift();
      if (wake === undefined) running -= 1;
      else wake();
    }
  };
}
