import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app';
import { configFromEnvironment, isSecureContextOrigin, type ServerConfig } from './config';
import { openDatabase } from './db/database';
import { listenForPrincipalChanges } from './db/principal-changes';
import { seedIfEmpty } from './db/seed';
import { listen } from './http/listen';
import { batchedLines } from './http/request-log';
import { outreachMode } from './outreach/outreach-mode';
import { demoEncryptionKey } from './session/demo-key';

function describeMode(config: ServerConfig): string {
  if (config.oidc) {
    const roles = config.oidc.roleClaim
      ? `roles from the ${config.oidc.roleClaim.path.join('.')} claim`
      : 'roles from the users table';
    return `Sign-in mode: oidc (the identity provider at ${config.oidc.issuer}, client ${config.oidc.clientId}; ${roles}; ${config.oidc.adminEmails.length} ADMIN_EMAILS). The provider is discovered at the first sign-in.`;
  }
  return config.outreach
    ? `Sign-in mode: outreach (Outreach accounts, through ${config.outreach.oauthUrl}; API calls go to ${config.outreach.apiUrl})`
    : 'Sign-in mode: demo (the "Continue as …" page lets anyone in as any demo user; set AUTH_MODE=oidc or AUTH_MODE=outreach for real accounts)';
}

/** A connection URL without its password, fit for the log. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/**
 * Starts the server: `--with-app` also serves the built single-page app from dist/. Creates and seeds
 * the database on first run. SIGTERM/SIGINT stop accepting connections, let requests in flight finish,
 * then close the database cleanly.
 */
async function main() {
  const environment = configFromEnvironment(process.env);
  console.log(describeMode(environment));
  const withApp = process.argv.includes('--with-app');
  const appDirectory = resolve('dist');
  if (withApp && !existsSync(resolve(appDirectory, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first (npm start does).');
  }

  let config = environment;
  if (config.authMode === 'demo' && config.tokenEncryptionKeys.length === 0) {
    const { key, createdAt } = demoEncryptionKey(config.databasePath);
    if (createdAt !== undefined) console.log(`Generated a token encryption key in ${createdAt}`);
    config = { ...config, tokenEncryptionKeys: [key] };
  }
  if (config.publicOrigin !== undefined && !isSecureContextOrigin(config.publicOrigin)) {
    console.log(
      `PUBLIC_ORIGIN is ${config.publicOrigin}, plain HTTP: browsers drop Secure cookies there, so the session cookie is pna-session, without the __Host- prefix and Secure. Serve HTTPS (or put a TLS proxy in front) for more than a trial.`,
    );
  }

  const location = config.databaseUrl ?? config.databasePath;
  const database = await openDatabase(location);
  console.log(
    config.databaseUrl === undefined
      ? `Database: SQLite, ${config.databasePath}`
      : `Database: PostgreSQL, ${redactedUrl(config.databaseUrl)}`,
  );
  const started = performance.now();
  const outreachLike = config.outreachSimulator !== undefined;
  // In outreach mode the data is Outreach's: the database keeps sessions only.
  if (
    config.authMode === 'demo' &&
    (await seedIfEmpty(database.db, { prospects: config.seedProspects, outreachLike }))
  ) {
    const what =
      config.seedProspects === undefined
        ? 'demo data'
        : `${config.seedProspects} generated prospects`;
    console.log(
      `Seeded ${database.engine === 'postgres' ? 'the database' : config.databasePath} with ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  // Several processes on PostgreSQL remember principals while they hear of changes (decision 0052).
  const principalChanges =
    config.databaseUrl !== undefined &&
    config.sharedState === 'database' &&
    config.authMode !== 'outreach'
      ? listenForPrincipalChanges(config.databaseUrl, (error) => {
          console.error(`Not hearing of changed users and tokens: ${String(error)}`);
        })
      : undefined;
  const requestLog = batchedLines((chunk) => process.stdout.write(chunk));
  const app = createApp({
    db: database.db,
    config,
    principalChanges,
    log: requestLog.log,
    appDirectory: withApp ? appDirectory : undefined,
    ...(config.outreach && outreachMode(config.outreach)),
  });
  const server = listen(app.fetch, { port: config.port }, (info) => {
    const url = `http://localhost:${info.port}`;
    console.log(
      withApp ? `Phone Numbers Admin is running at ${url}` : `API listening at ${url}/api/v2`,
    );
    if (config.authMode === 'demo' && !config.production) {
      console.log('Development tokens are on (dev-admin, dev-rep-riley, …).');
    }
    if (config.outreachSimulator) {
      console.log(
        `Outreach simulator: OAuth at ${url}/oauth for client ${config.outreachSimulator.clientId}, redirect URIs ${config.outreachSimulator.redirectUris.join(', ')}.`,
      );
    }
    if (config.production && config.publicOrigin === undefined) {
      console.log(
        `PUBLIC_ORIGIN is not set: links and sign-in redirects name ${url}. Set it to the origin users reach, such as https://phones.example.com.`,
      );
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then closing the database`);
    server.close(() => {
      requestLog.flush();
      Promise.resolve(principalChanges?.close())
        .then(() => database.close())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    });
  };
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
