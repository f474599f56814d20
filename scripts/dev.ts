/**
 * `npm run dev`: the API server (restarted on change) and the Vite dev server together. Vite proxies
 * /api, /auth and /oauth to the API server, so the app, the API, the session cookie and the sign-in page
 * share one origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const API_PORT = '4173';
const APP_URL = 'http://localhost:5173';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

let running = 0;
let exitCode = 0;
let stopping = false;

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Each in its own process group, so that Ctrl+C reaches it once, through stop(), rather than twice;
  // no stdin, which a background process group may not read.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  child.on('error', (error) => {
    console.error(`${name} could not start:`, error);
  });
  child.on('exit', (code) => {
    // When one stops on its own, the other is of no use alone; its failure is the script's failure.
    if (!stopping) {
      exitCode = code ?? 1;
      console.error(`${name} stopped; stopping the rest.`);
      stop('SIGTERM');
    }
    running -= 1;
    if (running === 0) process.exit(exitCode);
  });
  running += 1;
  return child;
}

const children = [
  // The app's origin is Vite's: links and sign-in redirects must name it, not the API server's port.
  start('API server', [tsx, 'watch', 'server/main.ts'], { PORT: API_PORT, PUBLIC_ORIGIN: APP_URL }),
  start('Vite', [vite, '--port', '5173', '--strictPort'], { API_PORT }),
];

function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stop(signal);
  });
}

console.log(
  `Phone Numbers Admin (development) at ${APP_URL} — API at http://localhost:${API_PORT}`,
);
