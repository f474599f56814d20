import type { OAuthClientConfig } from '@/lib/app-config';
import {
  tokenErrorSchema,
  tokenResponseSchema,
  type TokenResponse,
} from '../schemas/token-response';

export type TokenGrant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier: string }
  | { grant_type: 'refresh_token'; refresh_token: string };

/** The token endpoint refused the grant; `code` is the RFC 6749 error, such as invalid_grant. */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
  readonly code: string;

  constructor(code: string, description: string) {
    super(description);
    this.code = code;
  }
}

export async function requestTokens(
  oauth: OAuthClientConfig,
  grant: TokenGrant,
): Promise<TokenResponse> {
  const response = await fetch(oauth.tokenUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    },
    body: new URLSearchParams({ ...grant, client_id: oauth.clientId }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const refusal = tokenErrorSchema.safeParse(body);
    throw refusal.success
      ? new TokenRequestError(
          refusal.data.error,
          refusal.data.error_description ?? refusal.data.error,
        )
      : new TokenRequestError(
          'server_error',
          `The server answered with status ${response.status}.`,
        );
  }
  return tokenResponseSchema.parse(body);
}
