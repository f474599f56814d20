import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, inject } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/database';
import type { Database } from '../db/schema';
import { POSTGRES_TEMPLATE, postgresAdmin } from './postgres-server';

/** The run's PostgreSQL (postgres://…/), when the tests run on PostgreSQL; undefined on SQLite. */
export const testPostgres = (): string | undefined => inject('postgresBaseUrl');

export interface TemporaryDatabase {
  database: OpenedDatabase;
  /** Where it is: the SQLite file or the PostgreSQL URL. */
  location: string;
  /** Closes and deletes it. */
  dispose: () => Promise<void>;
}

/**
 * An empty, migrated database of the engine the tests run on: an SQLite file in a fresh temporary
 * directory, or a PostgreSQL database copied from the migrated template.
 */
export async function openTemporaryDatabase(): Promise<TemporaryDatabase> {
  const baseUrl = testPostgres();
  if (baseUrl === undefined) {
    const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-db-'));
    const location = join(directory, 'test.sqlite');
    const database = await openDatabase(location);
    return {
      database,
      location,
      dispose: async () => {
        await database.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  }
  const name = `test_${randomBytes(8).toString('hex')}`;
  await postgresAdmin(baseUrl, `create database ${name} template ${POSTGRES_TEMPLATE}`);
  const location = `${baseUrl}${name}`;
  const database = await openDatabase(location);
  return {
    database,
    location,
    dispose: async () => {
      await database.close();
      await postgresAdmin(baseUrl, `drop database ${name} with (force)`);
    },
  };
}

/**
 * Throwaway databases for a test file: each call opens an empty, migrated database (see
 * `openTemporaryDatabase`); after each test they are closed and deleted.
 */
export function useTemporaryDatabases(): () => Promise<Kysely<Database>> {
  const opened: TemporaryDatabase[] = [];
  afterEach(async () => {
    for (const temporary of opened.splice(0)) await temporary.dispose();
  });
  return async () => {
    const temporary = await openTemporaryDatabase();
    opened.push(temporary);
    return temporary.database.db;
  };
}
