/**
 * The real server with the built app, for Playwright: on a throwaway database in a fresh temporary
 * directory, removed again when the server stops. The database holds the demo seed and, beside it, the
 * pool of prospects that the e2e `newProspect` fixture leases, one to a test (e2e/prospect-pool.ts,
 * docs/decisions/0044-e2e-prospects-from-a-fixture.md), and the team members only users-admin.spec.ts
 * changes (e2e/team-members.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaseDirectory, POOL } from '../e2e/prospect-pool';
import { TEAM_MEMBERS } from '../e2e/team-members';
import { openDatabase } from '../server/db/database';
import { seedIfEmpty } from '../server/db/seed';
import { searchKey } from '../server/prospects/search-key';

const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-e2e-'));
const databasePath = join(directory, 'e2e.sqlite');
const leases = leaseDirectory(process.env.PORT ?? '4173');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/**
 * The API has no way to create a prospect or a user, and the server gets no test-only one: the pool and
 * the team are written into the database before the server opens it, where the server's own seed would be.
 */
async function seedWithPool() {
  const database = await openDatabase(databasePath);
  await seedIfEmpty(database.db);
  const at = new Date(Date.UTC(2026, 9, 1, 9, 0, 0)).toISOString();
  await database.db
    .insertInto('users')
    .values(
      TEAM_MEMBERS.map(({ id, firstName, lastName, role }) => ({
        id,
        first_name: firstName,
        last_name: lastName,
        email: `${firstName}.${lastName}@example.com`.toLowerCase(),
        title: null,
        role,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await database.db
    .insertInto('prospects')
    .values(
      POOL.map(({ id, firstName, lastName, name, ownerId }) => ({
        id,
        owner_id: ownerId,
        first_name: firstName,
        last_name: lastName,
        company: 'Test Pool',
        title: null,
        address_country: 'US',
        time_zone_iana: 'America/New_York',
        calls_opt_status: null,
        search_name: searchKey(name),
        search_last_name: searchKey(lastName),
        search_company: searchKey('Test Pool'),
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await database.close();
}

await seedWithPool();
rmSync(leases, { recursive: true, force: true });
mkdirSync(leases);

const server = spawn(process.execPath, [tsx, 'server/main.ts', '--with-app'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_PATH: databasePath,
    // The host pages that e2e/embedding-iframe.spec.ts and embedding-outreach.spec.ts serve through
    // Playwright's routing.
    EMBED_ALLOWED_ORIGINS: "'self' https://host.test https://host.outreach-dev.com",
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.kill(signal);
  });
}

server.on('exit', (code, signal) => {
  rmSync(directory, { recursive: true, force: true });
  rmSync(leases, { recursive: true, force: true });
  process.exit(code ?? (signal === null ? 1 : 0));
});
