import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://localhost:${port}`;
const writingPort = port + 1;
/** Outreach mode: the app's server, and the Outreach simulator on the port after it. */
const outreachPort = port + 2;
const OUTREACH_SPECS = /[\\/]outreach-mode\.spec\.ts$/;

/**
 * The specs that change data run against a server and a database of their own: the reading specs compare
 * the page with the API read a moment before, and a number added, edited or deleted in between (the
 * "all numbers" view lists every change first) would make them fail now and then.
 */
const WRITING_SPECS =
  /[\\/](accessibility-states|do-not-call|roles-admin|roles-rep|roles-viewer|editing|undo-edits|deleting|ordering|keyboard-editing|embedding-iframe|embedding-outreach|embedding-custom-element|embedding-smoke|country-cell|offline-editing|rate-limited|session-ended|conflicts|history|users-admin|duplicates|import|bulk)\.spec\.ts$/;

/** The built app (npm run test:e2e builds it first) on the real server and a throwaway database. */
const server = (listenOn: number, script = 'scripts/e2e-server.ts') => ({
  command: `node --import tsx ${script}`,
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
  // Two workers, their browsers and three servers share CI's two cores: a page that renders in 1 s alone
  // has been seen to take over 5 s (Playwright's default wait) there. A wait ends as soon as it holds.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'reading', testIgnore: [WRITING_SPECS, OUTREACH_SPECS] },
    {
      name: 'writing',
      testMatch: WRITING_SPECS,
      use: { baseURL: `http://localhost:${writingPort}` },
    },
    {
      name: 'outreach',
      testMatch: OUTREACH_SPECS,
      use: { baseURL: `http://localhost:${outreachPort}` },
    },
  ],
  webServer: [
    server(port),
    server(writingPort),
    server(outreachPort, 'scripts/e2e-outreach-server.ts'),
  ],
});
