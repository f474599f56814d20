import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://localhost:${port}`;
const writingPort = port + 1;

/**
 * The specs that change data run against a server and a database of their own: the reading specs compare
 * the page with the API read a moment before, and a number added, edited or deleted in between (the
 * "all numbers" view lists every change first) would make them fail now and then.
 */
const WRITING_SPECS =
  /[\\/](accessibility-states|roles-admin|roles-rep|roles-viewer|editing|deleting|ordering|keyboard-editing|embedding-iframe|embedding-outreach|embedding-custom-element|embedding-smoke|country-cell|offline-editing|rate-limited|session-ended|conflicts)\.spec\.ts$/;

/** The built app (npm run test:e2e builds it first) on the real server and a throwaway database. */
const server = (listenOn: number) => ({
  command: 'node --import tsx scripts/e2e-server.ts',
  url: `http://localhost:${listenOn}`,
  env: { PORT: String(listenOn) },
  reuseExistingServer: false,
  timeout: 60_000,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    // Debian's Chromium rather than a downloaded browser; the flags keep it quiet and offline.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // The host pages of the embedding specs are "public" sites (served by routing) framing the app
        // on localhost, which Chromium's Local Network Access would block; a real host and the app are
        // both public, so the check has nothing to say about what the specs test.
        '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights',
      ],
    },
  },
  projects: [
    { name: 'reading', testIgnore: WRITING_SPECS },
    {
      name: 'writing',
      testMatch: WRITING_SPECS,
      use: { baseURL: `http://localhost:${writingPort}` },
    },
  ],
  webServer: [server(port), server(writingPort)],
});
