import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, USERS } from '../testing/fixtures';
import {
  codeFor,
  exchangeCode,
  refreshTokens,
  signIn,
  verifierFor,
  type TokenResponse,
} from '../testing/oauth-client';
import { startTestServer, type TestServer } from '../testing/test-server';

/** Codes and refresh tokens work once, however many requests race to spend them (decision 0026). */

const PARALLEL = 10;
const TRIALS = 20;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** The one winner of a race; every loser must have been told invalid_grant. */
function onlyWinner(responses: readonly TokenResponse[]): TokenResponse['body'] {
  const winners = responses.filter((response) => response.status === 200);
  const losers = responses.filter((response) => response.status !== 200);
  expect(winners).toHaveLength(1);
  for (const loser of losers) {
    expect(loser.status).toBe(400);
    expect(loser.body.error).toBe('invalid_grant');
  }
  const [winner] = winners;
  if (!winner) throw new Error('no winner');
  return winner.body;
}

async function expectSessionEnded(tokens: { access_token: string; refresh_token: string }) {
  failure(await server.request('GET', '/api/v2', { token: tokens.access_token }), 401);
  expect((await refreshTokens(server, tokens.refresh_token)).body.error).toBe('invalid_grant');
}

describe('redeeming a grant while other requests race to redeem it', () => {
  it(`gives tokens to exactly one of ${PARALLEL} parallel exchanges of one code, and the losers' replay revokes them`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const verifier = verifierFor();
      const code = await codeFor(server, USERS.riley, verifier);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, () => exchangeCode(server, code, verifier)),
      );
      await expectSessionEnded(onlyWinner(responses));
    }
  }, 60_000);

  it(`rotates a refresh token for exactly one of ${PARALLEL} parallel refreshes, and the losers' replay ends the session`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const session = await signIn(server, USERS.sam);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, () => refreshTokens(server, session.refresh_token)),
      );
      const winner = onlyWinner(responses);
      await expectSessionEnded(winner);
      await expectSessionEnded(session);
    }
  }, 60_000);

  it('leaves the session alone when nobody races: one exchange, one refresh, both tokens live', async () => {
    const session = await signIn(server, USERS.val);
    const rotated = await refreshTokens(server, session.refresh_token);
    expect(rotated.status).toBe(200);
    expect(
      (await server.request('GET', '/api/v2', { token: rotated.body.access_token })).status,
    ).toBe(200);
  });
});
