import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/database';
import type { Database } from '../db/schema';

/**
 * Throwaway databases for a test file: each call opens an empty, migrated database in a fresh temporary
 * directory; after each test they are closed and deleted.
 */
export function useTemporaryDatabases(): () => Promise<Kysely<Database>> {
  const opened: { database: OpenedDatabase; directory: string }[] = [];
  afterEach(async () => {
    for (const { database, directory } of opened.splice(0)) {
      await database.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
  return async () => {
    const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-db-'));
    const database = await openDatabase(join(directory, 'test.sqlite'));
    opened.push({ database, directory });
    return database.db;
  };
}
