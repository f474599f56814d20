import type { Kysely, Selectable } from 'kysely';
import type { Database, OauthCodesTable } from '../db/schema';
import type { RateLimitState } from '../http/rate-limit';
import { findAuthorizationCode, spendAuthorizationCode } from './oauth-store';
import { s256Challenge } from './pkce';
import { hashToken } from './tokens';

/**
 * What spending a code came to: its grant; why not (and whether the code had been spent before); or a
 * mint limit that refused it before it was spent.
 */
export type CodeRedemption =
  | { grant: Selectable<OauthCodesTable> }
  | { error: string; replayed: boolean }
  | { limited: RateLimitState };

const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * Spends an authorization code and checks it against the redemption: not expired, the same client and
 * redirect URI, the PKCE verifier of its challenge (a code asked for without PKCE, the Outreach
 * simulator's confidential client's, needs none). The code is marked used by one conditional update, so
 * of any number of requests racing with it exactly one gets past it; the others are told `replayed`.
 * `limitMint`, asked before the code is spent, may refuse it for now (the simulator's throttle). Used by
 * the token endpoint and by the demo sign-in, which redeems codes in-process.
 */
export async function redeemAuthorizationCode(
  db: Kysely<Database>,
  redemption: {
    clientId: string;
    code: string;
    verifier: string | undefined;
    redirectUri: string;
    at: number;
    limitMint?: (userId: number) => Promise<RateLimitState | undefined>;
  },
): Promise<CodeRedemption> {
  const codeHash = hashToken(redemption.code);
  const grant = await findAuthorizationCode(db, codeHash);
  if (!grant) return { error: 'The authorization code is not valid.', replayed: false };
  const limited = await redemption.limitMint?.(grant.user_id);
  if (limited) return { limited };
  const at = new Date(redemption.at).toISOString();
  if (!(await spendAuthorizationCode(db, codeHash, at))) {
    return { error: 'The authorization code was already used.', replayed: true };
  }
  if (grant.expires_at <= at) {
    return { error: 'The authorization code has expired.', replayed: false };
  }
  if (grant.client_id !== redemption.clientId) {
    return { error: 'The authorization code was issued to another client.', replayed: false };
  }
  if (grant.redirect_uri !== redemption.redirectUri) {
    return { error: 'redirect_uri does not match the authorization request.', replayed: false };
  }
  const { verifier } = redemption;
  const pkceFails =
    grant.code_challenge !== '' &&
    (verifier === undefined ||
      !verifierPattern.test(verifier) ||
      s256Challenge(verifier) !== grant.code_challenge);
  if (pkceFails) {
    return { error: 'code_verifier does not match the code_challenge.', replayed: false };
  }
  return { grant };
}
