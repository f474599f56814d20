import pg from 'pg';

/** The channel the migration's triggers notify, with a user's id, when a user or an access token changed. */
const CHANNEL = 'principal_changes';

/** The listening connection's name in pg_stat_activity. */
export const APPLICATION_NAME = 'phone-numbers-admin principal changes';

/** How long a lost connection waits before it is opened again. */
const RECONNECT_DELAY_MS = 1_000;

/**
 * What another process changed about who a token stands for (decision 0052): a process may remember
 * principals only while it hears of every change.
 */
export interface PrincipalChanges {
  /** Whether changes are heard now. While not, nothing may be remembered. */
  listening: () => boolean;
  /**
   * Calls `forget` with a user's id when that user or one of their access tokens changed, and with
   * `undefined` (everyone) when hearing stopped or started again, since changes may have been missed.
   */
  subscribe: (forget: (userId: number | undefined) => void) => void;
}

export interface PrincipalChangeListener extends PrincipalChanges {
  /** Resolves once changes are heard (the first LISTEN has been answered). */
  ready: Promise<void>;
  close: () => Promise<void>;
}

/**
 * Listens on PostgreSQL's `principal_changes` channel with a connection of its own (not the pool's,
 * whose connections are lent to one query at a time). A lost connection is reported as "forget everyone",
 * caching stops until a new one listens, and it is tried again every second.
 */
export function listenForPrincipalChanges(
  url: string,
  logError: (error: unknown) => void = () => undefined,
): PrincipalChangeListener {
  const subscribers: ((userId: number | undefined) => void)[] = [];
  const tell = (userId: number | undefined) => {
    for (const forget of subscribers) forget(userId);
  };
  let client: pg.Client | undefined;
  let heard = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const lost = (from: pg.Client, error?: unknown) => {
    if (client !== from) return;
    client = undefined;
    heard = false;
    tell(undefined);
    from.removeAllListeners();
    from.on('error', () => undefined);
    void from.end().catch(() => undefined);
    if (error !== undefined && !closed) logError(error);
    if (!closed) retry = setTimeout(connect, RECONNECT_DELAY_MS);
  };

  function connect() {
    retry = undefined;
    if (closed) return;
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: APPLICATION_NAME,
    });
    client = next;
    next.on('notification', ({ channel, payload }) => {
      if (channel !== CHANNEL) return;
      const userId = Number(payload);
      tell(Number.isSafeInteger(userId) ? userId : undefined);
    });
    next.on('error', (error) => {
      lost(next, error);
    });
    next.on('end', () => {
      lost(next);
    });
    next
      .connect()
      .then(() => next.query(`listen ${CHANNEL}`))
      .then(() => {
        if (client !== next) return;
        // What changed before the LISTEN took effect was not heard.
        tell(undefined);
        heard = true;
        markReady();
      })
      .catch((error: unknown) => {
        lost(next, error);
      });
  }
  connect();

  return {
    ready,
    listening: () => heard,
    subscribe: (forget) => {
      subscribers.push(forget);
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      heard = false;
      await open?.end().catch(() => undefined);
    },
  };
}
