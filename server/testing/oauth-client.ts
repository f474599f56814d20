import { createHash, randomBytes } from 'node:crypto';
import type { TestServer } from './test-server';

/** The app's side of the OAuth flow against a server, over HTTP as a browser would. */

/** A server by its origin: a test server, or a server process. */
type Reachable = Pick<TestServer, 'url'>;

export const CLIENT_ID = 'phone-numbers-admin';

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

export interface TokenResponse {
  status: number;
  body: Tokens & { error?: string; error_description?: string; errors?: unknown[] };
}

export const verifierFor = () => randomBytes(32).toString('base64url');

export const challengeFor = (verifier: string) =>
  createHash('sha256').update(verifier).digest('base64url');

export const redirectUriOf = (server: Reachable) => `${server.url}/auth/callback`;

export function authorizeParams(
  server: Reachable,
  verifier: string,
  extra: Record<string, string> = {},
): URLSearchParams {
  return new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUriOf(server),
    state: 'state-123',
    code_challenge: challengeFor(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
}

/** What the "Continue as …" button posts: the authorization request plus the chosen user. */
export function postContinueAs(
  server: Reachable,
  userId: number,
  verifier: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const form = authorizeParams(server, verifier, extra);
  form.set('user_id', String(userId));
  return fetch(`${server.url}/oauth/authorize`, {
    method: 'POST',
    body: form,
    headers: { Origin: server.url },
    redirect: 'manual',
  });
}

/** The authorization code the sign-in page sends back for a user. */
export async function codeFor(
  server: Reachable,
  userId: number,
  verifier: string,
  extra: Record<string, string> = {},
) {
  const response = await postContinueAs(server, userId, verifier, extra);
  if (response.status !== 303) throw new Error(`Expected 303, got ${response.status}`);
  const code = new URL(response.headers.get('Location') ?? '').searchParams.get('code');
  if (code === null) throw new Error('The redirect carries no code');
  return code;
}

export async function requestToken(
  server: Reachable,
  fields: Record<string, string>,
): Promise<TokenResponse> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }),
  });
  return { status: response.status, body: (await response.json()) as TokenResponse['body'] };
}

export const exchangeCode = (server: Reachable, code: string, verifier: string) =>
  requestToken(server, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUriOf(server),
    code_verifier: verifier,
  });

export const refreshTokens = (server: Reachable, refreshToken: string) =>
  requestToken(server, { grant_type: 'refresh_token', refresh_token: refreshToken });

export async function signIn(
  server: Reachable,
  userId: number,
  extra: Record<string, string> = {},
): Promise<Tokens> {
  const verifier = verifierFor();
  const { status, body } = await exchangeCode(
    server,
    await codeFor(server, userId, verifier, extra),
    verifier,
  );
  if (status !== 200) throw new Error(`Sign-in failed: ${status} ${JSON.stringify(body)}`);
  return body;
}
