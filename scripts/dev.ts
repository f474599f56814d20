/**
 * `npm run dev`: the API server (restarted on change) and the Vite dev server together. Vite proxies
 * /api, /auth and /oauth to the API server, so the app, the API, the session cookie and the sign-in page
 * share one origin.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runTogether } from './run-together';

const API_PORT = '4173';
const APP_URL = 'http://localhost:5173';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

runTogether([
  // The app's origin is Vite's: links and sign-in redirects must name it, not the API server's port.
  {
    name: 'API server',
    args: [tsx, 'watch', 'server/main.ts'],
    env: { PORT: API_PORT, PUBLIC_ORIGIN: APP_URL },
  },
  { name: 'Vite', args: [vite, '--port', '5173', '--strictPort'], env: { API_PORT } },
]);

console.log(
  `Phone Numbers Admin (development) at ${APP_URL} — API at http://localhost:${API_PORT}`,
);
