import type { QueryClient } from '@tanstack/react-query';

/**
 * The app's own writes to each phone number, in order. A write made from a version this app itself moved
 * on (a second cell edit sent before the first one's answer, an edit right after a reorder) is made from
 * the version its own write left: only its own change lies between them, so If-Match must not call it a
 * conflict. A colleague's change still is one.
 */
export interface OwnWrites {
  /**
   * Runs `write` for number `id` after the app's writes to it already under way, with `etag` (the version
   * the change was made from) moved past the app's own writes since; `write` resolves with the version it
   * left, recorded for the writes that follow.
   */
  run: <T extends { etag: string | null }>(
    id: number,
    etag: string | null,
    write: (etag: string | null) => Promise<T>,
  ) => Promise<T>;
}

function createOwnWrites(): OwnWrites {
  // For each number, the version each of the app's writes started from → the version it left.
  const movedOn = new Map<number, Map<string, string>>();
  const underWay = new Map<number, Promise<unknown>>();

  function latest(id: number, etag: string | null): string | null {
    const moves = movedOn.get(id);
    let current = etag;
    // Each version is left at most once, so this ends.
    for (let next = current === null ? undefined : moves?.get(current); next !== undefined;) {
      current = next;
      next = moves?.get(current);
    }
    return current;
  }

  return {
    run: (id, etag, write) => {
      const previous = underWay.get(id) ?? Promise.resolve();
      const result = previous
        .catch(() => undefined)
        .then(async () => {
          const from = latest(id, etag);
          const saved = await write(from);
          if (from !== null && saved.etag !== null && saved.etag !== from) {
            const moves = movedOn.get(id) ?? new Map<string, string>();
            moves.set(from, saved.etag);
            movedOn.set(id, moves);
          }
          return saved;
        });
      underWay.set(id, result);
      void result
        .catch(() => undefined)
        .then(() => {
          if (underWay.get(id) === result) underWay.delete(id);
        });
      return result;
    },
  };
}

const byQueryClient = new WeakMap<QueryClient, OwnWrites>();

/** The own writes of the app that owns `queryClient`. */
export function ownWritesOf(queryClient: QueryClient): OwnWrites {
  let ownWrites = byQueryClient.get(queryClient);
  if (ownWrites === undefined) {
    ownWrites = createOwnWrites();
    byQueryClient.set(queryClient, ownWrites);
  }
  return ownWrites;
}
