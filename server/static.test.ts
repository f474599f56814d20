import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { defaultConfig } from './config';
import { openDatabase, type OpenedDatabase } from './db/database';

/** The built app as the server serves it: files, compression, caching, the SPA fallback and its CSP. */

let directory: string;
let database: OpenedDatabase;
let app: ReturnType<typeof createApp>;
const script = 'console.log("phone numbers");'.repeat(20);

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'phone-numbers-static-'));
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Phone Numbers Admin</title>');
  writeFileSync(join(directory, 'assets', 'app-1234.js'), script);
  writeFileSync(join(directory, 'assets', 'app-1234.js.br'), brotliCompressSync(script));
  writeFileSync(join(directory, 'assets', 'app-1234.js.gz'), gzipSync(script));
  database = await openDatabase(join(directory, 'db.sqlite'));
  app = createApp({
    db: database.db,
    config: defaultConfig(),
    log: () => undefined,
    appDirectory: directory,
  });
});

afterAll(async () => {
  await database.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('serving the built app', () => {
  it('sends hashed assets compressed when the browser accepts it, cached for a year', async () => {
    const brotli = await app.request('/assets/app-1234.js', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('Content-Encoding')).toBe('br');
    expect(brotli.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const gzip = await app.request('/assets/app-1234.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    const plain = await app.request('/assets/app-1234.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('answers the app routes with index.html under a Content-Security-Policy, never cached stale', async () => {
    for (const path of ['/', '/index.html', '/phone-numbers', '/prospects/7?tab=x']) {
      const page = await app.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<title>Phone Numbers Admin</title>');
      expect(page.headers.get('Content-Security-Policy'), path).toContain("default-src 'self'");
      expect(page.headers.get('Cache-Control'), path).toBe('no-cache');
      expect(page.headers.get('Referrer-Policy'), path).toBe('no-referrer');
    }
  });

  it('keeps API, OAuth, sign-in and asset paths out of the fallback', async () => {
    for (const path of ['/api/v2/nothing', '/api/v1/phoneNumbers']) {
      const api = await app.request(path);
      expect(api.status, path).toBeGreaterThanOrEqual(400);
      expect(api.headers.get('Content-Type'), path).toBe('application/vnd.api+json');
    }
    expect((await app.request('/oauth/nothing')).status).toBe(404);
    expect((await app.request('/auth/nothing')).status).toBe(404);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });
});

describe('development-only files', () => {
  const developmentOnly = [
    '/embed-demo.html',
    '/embed-demo.html.br',
    '/embed-demo.js',
    '//embed-demo.html',
    '/assets/app-1234.js.map',
    '/assets/app-1234.js.map.gz',
  ];

  beforeAll(() => {
    writeFileSync(join(directory, 'embed-demo.html'), '<!doctype html><title>Embed demo</title>');
    writeFileSync(join(directory, 'embed-demo.html.br'), brotliCompressSync('<!doctype html>'));
    writeFileSync(join(directory, 'embed-demo.js'), script);
    writeFileSync(join(directory, 'assets', 'app-1234.js.map'), '{"version":3}');
    writeFileSync(join(directory, 'assets', 'app-1234.js.map.gz'), gzipSync('{"version":3}'));
  });

  it('serves the embedding demo and source maps in development', async () => {
    expect((await app.request('/embed-demo.html')).status).toBe(200);
    expect((await app.request('/embed-demo.js')).status).toBe(200);
    expect((await app.request('/assets/app-1234.js.map')).status).toBe(200);
  });

  it('does not serve them in production, neither as files nor as the app', async () => {
    const production = createApp({
      db: database.db,
      config: defaultConfig({ production: true }),
      log: () => undefined,
      appDirectory: directory,
    });
    for (const path of developmentOnly) {
      const response = await production.request(path, {
        headers: { 'Accept-Encoding': 'br, gzip' },
      });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('<!doctype html>');
    }
    expect((await production.request('/assets/app-1234.js')).status).toBe(200);
  });
});

describe('serving the custom element', () => {
  const crm = 'https://crm.example.com';

  it('lets the pages of CORS_ALLOWED_ORIGINS load its module, and no other', async () => {
    mkdirSync(join(directory, 'embed'), { recursive: true });
    writeFileSync(join(directory, 'embed', 'prospect-phone-numbers.js'), script);
    writeFileSync(join(directory, 'embed', 'prospect-phone-numbers-rules-AbC_12.js'), script);
    const withOrigins = createApp({
      db: database.db,
      config: defaultConfig({ corsAllowedOrigins: [crm] }),
      log: () => undefined,
      appDirectory: directory,
    });

    const allowed = await withOrigins.request('/embed/prospect-phone-numbers.js', {
      headers: { Origin: crm },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(crm);
    expect(allowed.headers.get('Vary')).toContain('Origin');
    // The chunks it imports as a user comes to write, from the same page.
    const chunk = await withOrigins.request('/embed/prospect-phone-numbers-rules-AbC_12.js', {
      headers: { Origin: crm },
    });
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('Access-Control-Allow-Origin')).toBe(crm);
    const other = await withOrigins.request('/embed/prospect-phone-numbers.js', {
      headers: { Origin: 'https://elsewhere.example.com' },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    // Without a list, the module is for the server's own pages only.
    const none = await app.request('/embed/prospect-phone-numbers.js', {
      headers: { Origin: crm },
    });
    expect(none.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
