import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { isPostgresUrl, type Engine } from './engine';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';
import { WorkerSqliteDialect } from './worker-sqlite-dialect';

const PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // Reads come from memory-mapped pages and a 64 MiB page cache rather than a read() per page.
  'mmap_size = 1073741824',
  'cache_size = -65536',
];

/**
 * Long reads (sorts and walks no index bounds, large counts) together take at most a quarter of one
 * core: one user looping them cannot take the CPU the quick queries of everyone else need.
 */
const LONG_READ_SHARE = 0.25;

/**
 * bigint columns (epoch milliseconds) and count(*) come back as numbers, as they do from SQLite: every
 * value the store keeps is far below 2^53. For this store's pools only, not for every `pg` user in the
 * process.
 */
const POSTGRES_TYPES = new pg.TypeOverrides();
POSTGRES_TYPES.setTypeParser(pg.types.builtins.INT8, Number);

/** Connections each server process holds at most; PostgreSQL's default limit is 100 in all. */
const POSTGRES_POOL_SIZE = 10;

export interface OpenedDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** Waits for running queries and closes the file (checkpointing the WAL) or the connections. */
  close: () => Promise<void>;
}

/** Statements longer than this are not prepared: the seed's batches, run once each. */
const PREPARED_TEXT_MAX = 4_000;
/** Statements one connection keeps prepared at most; texts beyond them run unprepared. */
const PREPARED_PER_CONNECTION = 500;

type Query = (config: unknown, values?: unknown) => Promise<unknown>;

/** PostgreSQL's answer to a prepared statement whose table's columns changed since (a migration). */
const isStalePlan = (error: unknown) =>
  error instanceof Error &&
  (error as { code?: unknown }).code === '0A000' &&
  error.message.includes('cached plan must not change result type');

/**
 * Runs each statement text a connection has seen before as a prepared statement of that connection:
 * PostgreSQL then parses and plans it once, not on every request, which halved its CPU per request in
 * the benchmark (decision 0048). The texts come from the code (values are parameters), so a connection
 * prepares a few dozen. A statement prepared before another process's migration changed its table's
 * columns is prepared again under a new name and run once more; inside a transaction that second run is
 * refused as the first error aborted it, and the request fails as any failed query does.
 */
function prepareRepeatedStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  let prepared = 0;
  const query = client.query.bind(client) as Query;
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < PREPARED_PER_CONNECTION) {
      prepared += 1;
      name = `pna_${prepared}`;
      names.set(text, name);
    }
    return name;
  };
  const prepareFirst: Query = async (config, values) => {
    if (
      typeof config !== 'string' ||
      !Array.isArray(values) ||
      values.length === 0 ||
      config.length > PREPARED_TEXT_MAX
    ) {
      return query(config, values);
    }
    const name = nameOf(config);
    if (name === undefined) return query(config, values);
    try {
      return await query({ name, text: config, values });
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      names.delete(config);
      return query({ name: nameOf(config), text: config, values });
    }
  };
  (client as unknown as { query: Query }).query = prepareFirst;
}

function postgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    types: POSTGRES_TYPES,
  });
  // A connection the server ended (a restart, pg_terminate_backend) fails its query, which answers 503
  // (see isDatabaseUnavailable), and is dropped from the pool; the next checkout opens a new one. The
  // event it also emits, idle in the pool or checked out between queries, would otherwise end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    prepareRepeatedStatements(client);
  });
  return new PostgresDialect({ pool });
}

/**
 * Opens the store and brings its schema up to date: `location` is an SQLite file (or ":memory:") or a
 * postgres:// URL (DATABASE_URL).
 */
export async function openDatabase(location: string): Promise<OpenedDatabase> {
  const postgres = isPostgresUrl(location);
  if (!postgres && location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const db = new Kysely<Database>({
    dialect: postgres
      ? postgresDialect(location)
      : new WorkerSqliteDialect({
          path: location,
          pragmas: PRAGMAS,
          longReadShare: LONG_READ_SHARE,
        }),
  });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, engine: postgres ? 'postgres' : 'sqlite', close: () => db.destroy() };
}
