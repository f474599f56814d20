import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('the request log', () => {
  it('writes a path with encoded line breaks, NUL and escapes as one line that cannot be mistaken for another', async () => {
    const forged = 'GET%20/api/v2/users%20200%201.0ms';
    for (const breaker of ['%0A', '%0D', '%0D%0A', '%00', '%1B[2K']) {
      await server.request('GET', `/api/v2/phoneNumbers/1${breaker}${forged}`);
    }
    await server.request('GET', '/api/v2/phoneNumbers/%E2%80%AEreversed');
    const lines = server.logs.join('\n').split(/[\n\r]/);
    expect(lines.filter((line) => line.startsWith('GET /api/v2/users '))).toEqual([]);
    for (const character of ['\0', '\u001B', '\u202E'])
      expect(server.logs.join('')).not.toContain(character);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^GET \/api\/v2\/phoneNumbers\/1%0AGET%20\/api\/v2\/users%20200%201\.0ms 404 \d+\.\dms$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^GET \/api\/v2\/phoneNumbers\/%E2%80%AEreversed 404 /),
    );
  });
});
