import { OAUTH_CLIENT_ID } from '../oauth-config';

/**
 * Asks the authorization server to end the session a token belongs to (RFC 7009). Sign-out does not wait
 * for it and cannot fail because of it: the tokens are forgotten locally either way.
 */
export async function revokeToken(endpoint: string, token: string): Promise<void> {
  try {
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: OAUTH_CLIENT_ID }),
      keepalive: true,
    });
  } catch {
    // Offline or refused: the server-side session then ends when its tokens expire.
  }
}
