import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberDocument } from '../testing/fixtures';
import { startPostgresServer, type PostgresServer } from '../testing/postgres-server';
import { testPostgres } from '../testing/temporary-database';
import { startTestServer, type TestResponse } from '../testing/test-server';

/** PostgreSQL going away under a running server, and a start whose migration fails. */

const unavailable = (response: TestResponse) => {
  expect(response.status, response.text).toBe(503);
  expect(response.headers.get('Retry-After')).toBe('5');
  expect(response.json).toMatchObject({
    errors: [{ status: '503', id: 'serviceUnavailable', title: 'Service Unavailable' }],
  });
};

describe('a lost database connection', () => {
  // A server of its own: stopping the run's shared one would fail the other files' tests.
  let postgres: PostgresServer;
  beforeAll(async () => {
    postgres = await startPostgresServer({ restartable: true });
    await postgres.admin('create database outage');
  }, 60_000);
  afterAll(() => postgres.stop());

  it('answers 503 while PostgreSQL is down, and serves again once it is back, without a restart', async () => {
    const server = await startTestServer({ databaseLocation: `${postgres.baseUrl}outage` });
    try {
      expect((await server.request('GET', '/api/v2/phoneNumbers?page[size]=1')).status).toBe(200);

      await postgres.pause();
      unavailable(await server.request('GET', '/api/v2/phoneNumbers?page[size]=1'));
      unavailable(
        await server.request('POST', '/api/v2/phoneNumbers', {
          body: phoneNumberDocument({ number: '+14155550181' }, 1),
        }),
      );

      await postgres.resume();
      expect((await server.request('GET', '/api/v2/phoneNumbers?page[size]=1')).status).toBe(200);
      const created = await server.request('POST', '/api/v2/phoneNumbers', {
        body: phoneNumberDocument({ number: '+14155550181' }, 1),
      });
      expect(created.status, created.text).toBe(201);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('replaces connections PostgreSQL ended (pg_terminate_backend): no 500, and the next requests succeed', async () => {
    const server = await startTestServer({ databaseLocation: `${postgres.baseUrl}outage` });
    try {
      for (let round = 0; round < 3; round++) {
        expect((await server.request('GET', '/api/v2/prospects?page[size]=2')).status).toBe(200);
        await postgres.admin(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = 'outage'`,
        );
        // A connection that died idle is dropped from the pool unseen; one caught in use answers 503.
        expect([200, 503]).toContain(
          (await server.request('GET', '/api/v2/prospects?page[size]=2')).status,
        );
        expect((await server.request('GET', '/api/v2/prospects?page[size]=2')).status).toBe(200);
      }
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('a migration that fails', () => {
  const baseUrl = testPostgres() ?? '';
  const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-broken-'));
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  async function query<Row>(database: string, text: string): Promise<Row[]> {
    const client = new pg.Client({ connectionString: `${baseUrl}${database}` });
    await client.connect();
    try {
      return (await client.query(text)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  it('stops the start with a message naming it, and leaves the database as it was', async () => {
    await query('postgres', 'create database broken');
    // A table the last migration creates is already there: that migration fails after the others ran.
    await query('broken', 'create table audit_events (id integer)');

    const child = spawn(resolve('node_modules/.bin/tsx'), ['server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        NODE_ENV: 'development',
        DATABASE_URL: `${baseUrl}broken`,
        DATABASE_PATH: join(directory, 'db.sqlite'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));

    expect(code).toBe(1);
    expect(output).toContain(
      'Database migration 2026_12_04_team_accounts failed: relation "audit_events" already exists.',
    );
    expect(output).toContain('the database is as it was');
    expect(output).not.toContain('listening');
    const tables = await query<{ table_name: string }>(
      'broken',
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    // Kysely's own bookkeeping, made before the migrations' transaction, and no migration recorded.
    expect(tables.map((table) => table.table_name)).toEqual([
      'audit_events',
      'kysely_migration',
      'kysely_migration_lock',
    ]);
    expect(await query('broken', 'select * from kysely_migration')).toEqual([]);
    await query('postgres', 'drop database broken with (force)');
  }, 60_000);
});
