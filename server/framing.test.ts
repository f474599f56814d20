import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server';

/** Who may put the app's pages in a frame: the CSP frame-ancestors of each page. */

let directory: string;
let defaults: TestServer;
let configured: TestServer;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'phone-numbers-framing-'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Phone Numbers Admin</title>');
  [defaults, configured] = await Promise.all([
    startTestServer({ appDirectory: directory }),
    startTestServer({
      appDirectory: directory,
      config: { embedAllowedOrigins: ['https://crm.example.com', 'https://*.example.org'] },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([defaults.close(), configured.close()]);
  rmSync(directory, { recursive: true, force: true });
});

async function frameAncestors(server: TestServer, path: string): Promise<string | undefined> {
  const page = await server.request('GET', path, { token: null });
  expect(page.status, path).toBe(200);
  const policy = page.headers.get('Content-Security-Policy') ?? '';
  expect(policy, path).toContain("default-src 'self'");
  const directives = policy.split(';').map((directive) => directive.trim());
  return directives.find((directive) => directive.startsWith('frame-ancestors '));
}

describe('framing', () => {
  it('lets nobody frame the sign-in pages the server answers /auth/… with', async () => {
    const page = await defaults.request('GET', '/auth/callback', { token: null });
    expect(page.status).toBe(400);
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('lets this origin and Outreach frame the /embed/… pages by default', async () => {
    for (const path of [
      '/embed/prospects/7/phone-numbers',
      '/embed/prospects/7/phone-numbers?x=1',
    ]) {
      expect(await frameAncestors(defaults, path), path).toBe(
        "frame-ancestors 'self' https://*.outreach.io",
      );
    }
  });

  it('lets exactly the EMBED_ALLOWED_ORIGINS frame them when set', async () => {
    expect(await frameAncestors(configured, '/embed/prospects/7/phone-numbers')).toBe(
      'frame-ancestors https://crm.example.com https://*.example.org',
    );
  });

  it('lets nobody frame any other page of the app, whatever the setting', async () => {
    for (const server of [defaults, configured]) {
      for (const path of [
        '/',
        '/index.html',
        '/phone-numbers',
        '/prospects/7',
        '/embed',
        '/embedded/x',
      ]) {
        expect(await frameAncestors(server, path), path).toBe("frame-ancestors 'none'");
      }
    }
  });
});
