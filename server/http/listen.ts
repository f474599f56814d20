import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { unreadableRequest } from './errors';
import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';

/**
 * Node's HTTP server's 'clientError' listener: a request its parser refuses (headers over Node's 16 KB,
 * say 10,000 filter values in the URL) never reaches the app, and Node's own answer is a bare status line.
 * This answers with the API's JSON:API error document instead, and closes the connection, which is no
 * longer in a state to read another request from.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = unreadableRequest(error.code);
  const body = JSON.stringify({ errors: problem.errors });
  socket.end(
    [
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
      `Content-Type: ${JSON_API_MEDIA_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'X-Content-Type-Options: nosniff',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/** Serves the app on Node's HTTP server, as main.ts does and as the tests' server does. */
export function listen(
  fetch: (request: Request, env: object) => Response | Promise<Response>,
  options: { port: number; hostname?: string },
  onListening?: (info: AddressInfo) => void,
): ServerType {
  const server = serve({ fetch, ...options }, onListening);
  server.on('clientError', answerClientError);
  return server;
}
