import type { OAuthClientConfig } from '@/lib/app-config';

/**
 * Asks the authorization server to end the session a token belongs to (RFC 7009). Sign-out does not wait
 * for it and cannot fail because of it: the tokens are forgotten locally either way.
 */
export async function revokeToken(oauth: OAuthClientConfig, token: string): Promise<void> {
  try {
    await fetch(oauth.revokeUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: oauth.clientId }),
      keepalive: true,
    });
  } catch {
    // Offline or refused: the server-side session then ends when its tokens expire.
  }
}
