import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { defaultConfig, type ServerConfig } from '../config';
import { openDatabase, type OpenedDatabase } from '../db/database';
import { seedIfEmpty, type SeedOptions } from '../db/seed';
import { listen } from '../http/listen';
import { outreachMode } from '../outreach/outreach-mode';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import { checkAgainstOpenApi } from './openapi-responses';
import { openTemporaryDatabase } from './temporary-database';

export interface TestServer {
  url: string;
  database: OpenedDatabase;
  /** Moves the server's clock forward. */
  advance: (ms: number) => void;
  logs: string[];
  errors: unknown[];
  request: (method: string, path: string, options?: RequestOptions) => Promise<TestResponse>;
  close: () => Promise<void>;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** A raw body, sent as is. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
}

async function openGivenDatabase(location: string) {
  const database = await openDatabase(location);
  return { database, dispose: () => database.close() };
}

function fail(): never {
  throw new Error('A request arrived before the app was built');
}

/**
 * The real server on an ephemeral port with a throwaway database (SQLite, or PostgreSQL in the
 * server-postgres project), seeded with the demo data. Tests talk to it over HTTP only.
 */
export async function startTestServer(
  options: {
    config?: Partial<ServerConfig>;
    seed?: SeedOptions;
    /** A database to serve (and leave) instead of a throwaway one: an SQLite file or a postgres:// URL. */
    databaseLocation?: string;
    /** A built app to serve, as `--with-app` does. */
    appDirectory?: string;
    /** Outreach mode (config.outreach): how the server reaches Outreach; the global fetch by default. */
    upstreamFetch?: typeof globalThis.fetch;
  } = {},
): Promise<TestServer> {
  const { database, dispose } =
    options.databaseLocation === undefined
      ? await openTemporaryDatabase()
      : await openGivenDatabase(options.databaseLocation);
  await seedIfEmpty(database.db, options.seed);
  let offset = 0;
  const logs: string[] = [];
  const errors: unknown[] = [];
  // The app is built once the port is known: its public origin is the address tests reach it at,
  // unless a test configures its own.
  const built: { app?: ReturnType<typeof createApp> } = {};
  const server = listen((request, env) => (built.app ?? fail()).fetch(request, env), {
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const config = defaultConfig({ publicOrigin: url, ...options.config });
  const now = () => Date.now() + offset;
  built.app = createApp({
    db: database.db,
    config,
    now,
    ...(config.outreach &&
      outreachMode(config.outreach, {
        now,
        ...(options.upstreamFetch && { fetch: options.upstreamFetch }),
      })),
    log: (line) => logs.push(line),
    logError: (error) => errors.push(error),
    appDirectory: options.appDirectory,
  });

  const request = async (
    method: string,
    path: string,
    init: RequestOptions = {},
  ): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    const token = init.token === undefined ? 'dev-admin' : init.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['Content-Type'] ??= JSON_API_MEDIA_TYPE;
    }
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const breach = checkAgainstOpenApi(
      method,
      path,
      response.status,
      response.headers.get('Content-Type'),
      json,
    );
    if (breach !== undefined) throw new Error(breach);
    return { status: response.status, headers: response.headers, text, json };
  };

  return {
    url,
    database,
    advance: (ms) => {
      offset += ms;
    },
    logs,
    errors,
    request,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await dispose();
    },
  };
}
