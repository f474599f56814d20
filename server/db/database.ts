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
  pool.on('connect', (client) => client.on('error', () => undefined));
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
