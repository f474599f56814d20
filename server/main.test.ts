import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneNumberDocument } from './testing/fixtures';
import { useServerProcesses } from './testing/server-process';

/** The server as `npm run server` starts it: a real process, its own port and database file. */

const { start: startServer, run } = useServerProcesses();
const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

function temporaryDatabase(): string {
  const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-main-'));
  directories.push(directory);
  return join(directory, 'nested', 'db.sqlite');
}

const api = (origin: string, path: string, init: { method?: string; body?: string } = {}) =>
  fetch(`${origin}${path}`, {
    ...init,
    headers: { Authorization: 'Bearer dev-admin', 'Content-Type': 'application/vnd.api+json' },
  });

describe('npm run server', () => {
  it('creates and seeds the database on first start only, and keeps data across restarts', async () => {
    const path = temporaryDatabase();
    const first = await startServer({ DATABASE_PATH: path });
    expect(first.output()).toMatch(/Seeded .* with demo data/);
    const created = await api(first.url, '/api/v2/phoneNumbers', {
      method: 'POST',
      body: JSON.stringify(phoneNumberDocument({ number: '+14155550180' }, 1)),
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('Location') ?? '';
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer({ DATABASE_PATH: path });
    expect(second.output()).not.toContain('Seeded');
    const again = await api(second.url, new URL(location).pathname);
    expect(again.status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 30_000);

  it('logs one line per request with method, path, status and duration, and never the token or query', async () => {
    const running = await startServer({ DATABASE_PATH: temporaryDatabase() });
    await api(running.url, '/api/v2/phoneNumbers?filter[number]=%2B14155550100');
    await api(running.url, '/api/v2/phoneNumbers/424242');
    await new Promise((wait) => setTimeout(wait, 200));
    const lines = running.output().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^GET \/api\/v2\/phoneNumbers 200 \d+\.\dms$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^GET \/api\/v2\/phoneNumbers\/424242 404 \d+\.\dms$/),
    );
    const requestLines = lines.filter((line) => /^[A-Z]+ \//.test(line)).join('\n');
    expect(requestLines).not.toContain('dev-admin');
    expect(requestLines).not.toContain('14155550100');
    running.child.kill('SIGTERM');
    await running.exited;
  }, 30_000);

  it('on SIGTERM finishes a request in flight, then closes the database cleanly', async () => {
    const path = temporaryDatabase();
    const running = await startServer({ DATABASE_PATH: path });
    const body = JSON.stringify(phoneNumberDocument({ number: '+14155550181' }, 1));
    const response = new Promise<{ status: number; text: string }>((done, fail) => {
      const outgoing = request(
        {
          host: 'localhost',
          port: new URL(running.url).port,
          path: '/api/v2/phoneNumbers',
          method: 'POST',
          headers: {
            Authorization: 'Bearer dev-admin',
            'Content-Type': 'application/vnd.api+json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (incoming) => {
          let text = '';
          incoming.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          incoming.on('end', () => {
            done({ status: incoming.statusCode ?? 0, text });
          });
        },
      );
      outgoing.on('error', fail);
      // Half the body now; the request is in flight when the signal arrives.
      outgoing.write(body.slice(0, 20));
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => outgoing.end(body.slice(20)), 300);
      }, 300);
    });
    const finished = await response;
    expect(finished.status).toBe(201);
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('SIGTERM: finishing requests in flight');
    expect(existsSync(`${path}-wal`)).toBe(false);

    const reopened = await startServer({ DATABASE_PATH: path });
    const listed = await api(reopened.url, '/api/v2/phoneNumbers?filter[number]=%2B14155550181');
    expect(((await listed.json()) as { data: unknown[] }).data).toHaveLength(1);
    reopened.child.kill('SIGTERM');
    await reopened.exited;
  }, 30_000);

  it('refuses a bad configuration with a clear message and no stack trace', async () => {
    const { code, output } = await run({
      DATABASE_PATH: temporaryDatabase(),
      PORT: 'eighty',
      RATE_LIMIT_PER_HOUR: '0',
      CORS_ALLOWED_ORIGINS: 'https://crm.example.com/',
    });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a whole number');
    expect(output).toContain('RATE_LIMIT_PER_HOUR must be at least 1');
    expect(output).toContain('CORS_ALLOWED_ORIGINS takes origins');
    expect(output).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('says on every start which sign-in mode it runs in, and keeps a demo token key beside the database', async () => {
    const path = temporaryDatabase();
    const keyFile = join(dirname(path), 'token-encryption.key');
    const first = await startServer({ DATABASE_PATH: path });
    expect(first.output()).toContain('Sign-in mode: demo');
    expect(first.output()).toContain(`Generated a token encryption key in ${keyFile}`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    expect(key).toMatch(/^demo:[A-Za-z0-9+/]{43}=\n$/);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = await startServer({ DATABASE_PATH: path });
    expect(second.output()).toContain('Sign-in mode: demo');
    expect(second.output()).not.toContain('Generated a token encryption key');
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 30_000);

  it('warns that a plain-HTTP public origin gets cookies without __Host- and Secure', async () => {
    const running = await startServer({
      DATABASE_PATH: temporaryDatabase(),
      PUBLIC_ORIGIN: 'http://192.168.1.20:4173',
    });
    expect(running.output()).toContain('PUBLIC_ORIGIN is http://192.168.1.20:4173, plain HTTP');
    running.child.kill('SIGTERM');
    await running.exited;
  }, 30_000);

  it('starts in oidc mode while the identity provider is down, and names OIDC_ISSUER at sign-in', async () => {
    const oidc = {
      DATABASE_PATH: temporaryDatabase(),
      NODE_ENV: 'production',
      AUTH_MODE: 'oidc',
      PUBLIC_ORIGIN: 'https://phones.example.com',
      OIDC_CLIENT_ID: 'phone-numbers-admin',
      OIDC_CLIENT_SECRET: 'secret',
    };
    const refused = await run(oidc);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('AUTH_MODE=oidc needs OIDC_ISSUER');

    const running = await startServer({ ...oidc, OIDC_ISSUER: 'https://127.0.0.1:9/realms/acme' });
    expect(running.output()).toContain(
      'Sign-in mode: oidc (the identity provider at https://127.0.0.1:9/realms/acme',
    );
    const login = await fetch(`${running.url}/auth/login`, {
      redirect: 'manual',
    });
    expect(login.status).toBe(503);
    expect(await login.text()).toContain(
      'The identity provider at OIDC_ISSUER (https://127.0.0.1:9/realms/acme) could not be reached',
    );
    expect((await api(running.url, '/api/v2')).status).toBe(401);
    running.child.kill('SIGTERM');
    await running.exited;
  }, 30_000);

  it('refuses to start the demo in production, naming both variables', async () => {
    const path = temporaryDatabase();
    const { code, output } = await run({ DATABASE_PATH: path, NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('AUTH_MODE=demo cannot run with NODE_ENV=production');
    expect(output).not.toMatch(/\n\s+at /);
    expect(existsSync(path)).toBe(false);
  }, 30_000);
});
