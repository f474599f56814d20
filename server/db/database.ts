import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely } from 'kysely';
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

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** Waits for running queries, checkpoints the WAL and closes the file. */
  close: () => Promise<void>;
}

export async function openDatabase(path: string): Promise<OpenedDatabase> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Kysely<Database>({
    dialect: new WorkerSqliteDialect({ path, pragmas: PRAGMAS, longReadShare: LONG_READ_SHARE }),
  });
  await migrateToLatest(db as Kysely<unknown>);
  return { db, close: () => db.destroy() };
}
