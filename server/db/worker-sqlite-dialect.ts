import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

export interface WorkerSqliteOptions {
  path: string;
  /** PRAGMA statements run when the database opens, e.g. "journal_mode = WAL". */
  pragmas: readonly string[];
  /** The share of one core's time long reads may take together (see `LongReadPacer`); 1 by default. */
  longReadShare?: number;
}

type Reply =
  | { id: number; columns: string[]; rows: unknown[][] }
  | { id: number; changes: number; lastInsertRowid: number | bigint }
  | { id: number; error: { message: string; code?: string } }
  | { id: number };

/** An SQLite error from the worker, with SQLite's code (SQLITE_CONSTRAINT_UNIQUE, …). */
export class SqliteWorkerError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

/** The worker and the requests waiting for its answers. */
class Channel {
  readonly #pending = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (error: Error) => void }
  >();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.#failure = error;
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(new Error(`The database worker stopped (exit code ${code})`));
    });
  }

  send(message: { sql: string; parameters: readonly unknown[] } | { close: true }): Promise<Reply> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  async execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.send({ sql: query.sql, parameters: query.parameters });
    if ('error' in reply) throw new SqliteWorkerError(reply.error.message, reply.error.code);
    if ('rows' in reply) {
      const { columns, rows } = reply;
      return {
        rows: rows.map((values) => {
          const row: Record<string, unknown> = {};
          for (let index = 0; index < columns.length; index++)
            row[columns[index] ?? ''] = values[index];
          return row as R;
        }),
      };
    }
    if ('changes' in reply) {
      return {
        rows: [],
        numAffectedRows: BigInt(reply.changes),
        insertId: BigInt(reply.lastInsertRowid),
      };
    }
    return { rows: [] };
  }
}

/**
 * Lets any number of single queries be on their way to the worker at once (it runs them one after the
 * other), but gives a transaction the connection to itself: it waits for queries in flight, and new ones
 * wait for it.
 */
class TransactionGate {
  #queries = 0;
  #transaction: Promise<void> | undefined;
  #drained: (() => void) | undefined;

  async query<T>(run: () => Promise<T>): Promise<T> {
    while (this.#transaction) await this.#transaction;
    this.#queries++;
    try {
      return await run();
    } finally {
      if (--this.#queries === 0) this.#drained?.();
    }
  }

  async transaction(): Promise<() => void> {
    while (this.#transaction) await this.#transaction;
    let end: () => void = () => undefined;
    this.#transaction = new Promise((resolve) => {
      end = resolve;
    });
    if (this.#queries > 0) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
      });
    }
    this.#drained = undefined;
    return () => {
      this.#transaction = undefined;
      end();
    };
  }
}

/**
 * Runs long reads one at a time and keeps them to a share of one core's time: after a read that took
 * t ms, the next starts no sooner than t × (1 / share − 1) ms after it ended. A low CPU priority alone
 * does not hold them back everywhere: on a virtual machine a niced thread spends the machine's CPU
 * budget like any other, and two connections looping a slow read halved everyone else's throughput.
 */
export class LongReadPacer {
  #free: Promise<unknown> = Promise.resolve();

  constructor(private readonly share: number) {}

  run<T>(read: () => Promise<T>): Promise<T> {
    let rest = 0;
    const result = this.#free.then(async () => {
      const started = performance.now();
      try {
        return await read();
      } finally {
        rest = (performance.now() - started) * (1 / this.share - 1);
      }
    });
    const settled = () => (rest > 0 ? delay(rest, undefined, { ref: false }) : undefined);
    this.#free = result.then(settled, settled);
    return result;
  }
}

const longReads = new WeakSet<CompiledQuery>();

/**
 * Marks a read that may take long (a count, a filter no index narrows): outside a transaction it runs on a
 * second, read-only connection in a worker of its own, so the quick queries every page needs never wait
 * behind it. Long reads wait for each other there. In a transaction it runs on the transaction's
 * connection, as every query does.
 */
export function longRead<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  longReads.add(query);
  return query;
}

class WorkerConnection implements DatabaseConnection {
  /** Set while this connection runs a transaction: its queries then skip the gate they are holding. */
  endTransaction: (() => void) | undefined;

  constructor(
    private readonly channel: Channel,
    private readonly gate: TransactionGate,
    private readonly reader: { channel: Channel; pacer: LongReadPacer } | undefined,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.endTransaction) return this.channel.execute<R>(query);
    // WAL: the reader sees every committed write and never a transaction's uncommitted rows, so it
    // needs no gate.
    const reader = this.reader;
    if (reader && longReads.has(query)) {
      return reader.pacer.run(() => reader.channel.execute<R>(query));
    }
    return this.gate.query(() => this.channel.execute<R>(query));
  }

  streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('Streaming queries are not supported');
  }
}

async function openChannel(
  path: string,
  pragmas: readonly string[],
  background = false,
): Promise<Channel> {
  const worker = new Worker(new URL('./sqlite-worker.js', import.meta.url), {
    workerData: { path, pragmas, background },
  });
  const channel = new Channel(worker);
  await channel.execute(CompiledQuery.raw('select 1'));
  return channel;
}

async function closeChannel(channel: Channel): Promise<void> {
  await channel.send({ close: true });
  await channel.worker.terminate();
}

class WorkerSqliteDriver implements Driver {
  readonly #gate = new TransactionGate();
  #channel: Channel | undefined;
  #reader: { channel: Channel; pacer: LongReadPacer } | undefined;

  constructor(private readonly options: WorkerSqliteOptions) {}

  async init(): Promise<void> {
    const { path, pragmas, longReadShare = 1 } = this.options;
    this.#channel = await openChannel(path, pragmas);
    // An in-memory database is private to its connection: there, long reads share the one connection.
    // The reader opens after the writer has put the file in WAL mode.
    if (path !== ':memory:' && path !== '') {
      this.#reader = {
        channel: await openChannel(path, [...pragmas, 'query_only = ON'], true),
        pacer: new LongReadPacer(longReadShare),
      };
    }
  }

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#channel) return Promise.reject(new Error('The database is not open'));
    return Promise.resolve(new WorkerConnection(this.#channel, this.#gate, this.#reader));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const end = await this.#gate.transaction();
    if (connection instanceof WorkerConnection) connection.endTransaction = end;
    // Immediate: the write lock is taken at the start, waiting (busy_timeout) for another process's
    // transaction. A deferred transaction that read before another process wrote could not write after
    // it ("database is locked"), so a check-then-act across processes failed instead of waiting.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.#finish(connection);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.#finish(connection);
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#finish(connection);
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    const channel = this.#channel;
    if (!channel) return;
    const end = await this.#gate.transaction();
    try {
      if (this.#reader) await closeChannel(this.#reader.channel);
      await closeChannel(channel);
    } finally {
      end();
    }
  }

  #finish(connection: DatabaseConnection): void {
    if (!(connection instanceof WorkerConnection)) return;
    const end = connection.endTransaction;
    connection.endTransaction = undefined;
    end?.();
  }
}

/**
 * Kysely's SQLite dialect with the connection in a worker thread: queries no longer block the event loop
 * (a count over a million rows would stall every other request), and SQLite runs on one core while HTTP
 * and JSON run on the other. Reads marked with `longRead` go to a second, read-only connection in a
 * worker of its own, paced to `longReadShare` of one core. Queries are written through Kysely exactly as
 * before.
 */
export class WorkerSqliteDialect implements Dialect {
  constructor(private readonly options: WorkerSqliteOptions) {}

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new WorkerSqliteDriver(this.options);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
