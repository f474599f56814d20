import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@/lib/api-client';
import { boundedGate, REQUESTS_AT_ONCE } from '@/lib/run-bounded';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { forgetDeletedPhoneNumber, invalidatePhoneNumberWrite } from './phone-number-cache';
import { endedTheSession, keepChange } from './kept-changes';
import { phoneNumberWriteKeys } from './phone-number-writes';
import { deletePhoneNumber } from './write-phone-numbers';

/** How long "Undo" can take a delete back before the DELETE is sent. */
export const UNDO_WINDOW_MS = 6000;

export interface PendingDeleteHandlers {
  /** The DELETE failed; the row is back in the lists. */
  onError?: (error: unknown) => void;
  onDeleted?: () => void;
}

/**
 * The deletes confirmed but not yet sent, of one QueryClient (one app): it outlives the routes, so that
 * leaving the page does not lose a delete. Readable with useSyncExternalStore.
 *
 * The one place a pending delete is held: the cached lists keep the row (a list fetched meanwhile has it
 * too, as the server has not been told), and whatever shows a list leaves the pending ids out. Undo, or a
 * failed DELETE, only forgets the id, so the row is back exactly where it was.
 */
export interface PendingDeletes {
  subscribe: (listener: () => void) => () => void;
  /** The numbers deleted and not yet gone from the server: waiting out the window, or being sent. */
  getPendingIds: () => ReadonlySet<number>;
  /** Marks the row deleted now, and sends the DELETE when the undo window has passed. */
  schedule: (client: ApiClient, row: ListedPhoneNumber, handlers?: PendingDeleteHandlers) => void;
  /** Forgets the delete and sends nothing; too late once the DELETE is sent. */
  undo: (id: number) => void;
  /** Sends every waiting DELETE at once, with keepalive: the page is going away or the user signs out. */
  flush: () => Promise<void>;
}

interface PendingDelete {
  client: ApiClient;
  row: ListedPhoneNumber;
  handlers: PendingDeleteHandlers;
  /** The undo window's timer; undefined once the DELETE is sent. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

function createPendingDeletes(queryClient: QueryClient): PendingDeletes {
  const pending = new Map<number, PendingDelete>();
  const listeners = new Set<() => void>();
  let pendingIds: ReadonlySet<number> = new Set();
  let watchingPage = false;
  // A bulk delete's DELETEs all come due together: a few at a time, not hundreds (decision 0063).
  const bounded = boundedGate(REQUESTS_AT_ONCE);

  const flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const flushOnPageHide = () => {
    void flush();
  };

  /**
   * A closing tab or a mobile browser discarding a hidden one runs no timer: "hidden" is the last moment
   * a page is sure to get (pagehide is not fired on every mobile browser), so waiting deletes go then.
   */
  function watchPage() {
    const waiting = [...pending.values()].some((entry) => entry.timer !== undefined);
    if (waiting === watchingPage) return;
    watchingPage = waiting;
    if (waiting) {
      window.addEventListener('pagehide', flushOnPageHide);
      document.addEventListener('visibilitychange', flushWhenHidden);
    } else {
      window.removeEventListener('pagehide', flushOnPageHide);
      document.removeEventListener('visibilitychange', flushWhenHidden);
    }
  }

  function changed() {
    pendingIds = new Set(pending.keys());
    watchPage();
    for (const listener of listeners) listener();
  }

  async function send(id: number, entry: PendingDelete, keepalive: boolean): Promise<void> {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    watchPage();
    // A mutation, as edits are: offline it waits for the network, after a 429 it waits as asked.
    const execute = () =>
      queryClient
        .getMutationCache()
        .build(queryClient, {
          mutationKey: phoneNumberWriteKeys.delete,
          mutationFn: (variables: { id: number }) =>
            deletePhoneNumber(entry.client, variables.id, { keepalive, etag: entry.row.etag }),
        })
        .execute({ id });
    try {
      // A page going away sends everything at once: no later turn would come.
      await (keepalive ? execute() : bounded(execute));
    } catch (error) {
      if (endedTheSession(error)) {
        keepChange({
          kind: 'delete',
          id,
          prospectId: entry.row.prospectId,
          number: entry.row.number,
          etag: entry.row.etag,
        });
      }
      pending.delete(id);
      changed();
      entry.handlers.onError?.(error);
      // A refusal may mean the permissions changed; the lists say so once fetched again.
      void invalidatePhoneNumberWrite(queryClient, id);
      return;
    }
    entry.handlers.onDeleted?.();
    // Still pending until the lists are fetched again, so that an older answer cannot show the row.
    await forgetDeletedPhoneNumber(queryClient, id);
    pending.delete(id);
    changed();
  }

  function flush(): Promise<void> {
    const waiting = [...pending].filter(([, entry]) => entry.timer !== undefined);
    return Promise.all(waiting.map(([id, entry]) => send(id, entry, true))).then(() => undefined);
  }

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getPendingIds: () => pendingIds,
    schedule: (client, row, handlers = {}) => {
      if (pending.has(row.id)) return;
      const entry: PendingDelete = { client, row, handlers, timer: undefined };
      entry.timer = setTimeout(() => void send(row.id, entry, false), UNDO_WINDOW_MS);
      pending.set(row.id, entry);
      changed();
    },
    undo: (id) => {
      const entry = pending.get(id);
      if (entry?.timer === undefined) return;
      clearTimeout(entry.timer);
      pending.delete(id);
      changed();
    },
    flush,
  };
}

const byQueryClient = new WeakMap<QueryClient, PendingDeletes>();

/** The pending deletes of the app that owns `queryClient`; two apps on one page do not share them. */
export function pendingDeletesOf(queryClient: QueryClient): PendingDeletes {
  let pendingDeletes = byQueryClient.get(queryClient);
  if (pendingDeletes === undefined) {
    pendingDeletes = createPendingDeletes(queryClient);
    byQueryClient.set(queryClient, pendingDeletes);
  }
  return pendingDeletes;
}

/**
 * Sends the waiting deletes now. Sign-out calls it before the session forgets its token: a delete the
 * user confirmed is kept, as when the tab closes.
 */
export function flushPendingDeletes(queryClient: QueryClient): Promise<void> {
  return pendingDeletesOf(queryClient).flush();
}
