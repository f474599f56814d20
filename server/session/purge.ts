const PURGE_INTERVAL_MS = 60_000;

/**
 * A purge of expired rows that runs at most once a minute (by the server's clock), when asked on the way
 * to creating new ones: what grows with sign-ins shrinks with them, and an idle server does no work (as
 * the OAuth grants' purge does).
 */
export function occasionalPurge(
  now: () => number,
  purge: (at: number) => Promise<void>,
): () => Promise<void> {
  let nextAt = Number.NEGATIVE_INFINITY;
  return async () => {
    const at = now();
    if (at < nextAt) return;
    nextAt = at + PURGE_INTERVAL_MS;
    await purge(at);
  };
}
