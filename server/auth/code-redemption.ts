import type { Kysely, Selectable } from 'kysely';
import type { Database, OauthCodesTable } from '../db/schema';
import { findAuthorizationCode, spendAuthorizationCode } from './oauth-store';
import { s256Challenge } from './pkce';
import { hashToken } from './tokens';

/** What spending a code came to: its grant, or why not (and whether the code had been spent before). */
export type CodeRedemption =
  { grant: Selectable<OauthCodesTable> } | { error: string; replayed: boolean };

const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * Spends an authorization code and checks it against the redemption: not expired, the same redirect
 * URI, the PKCE verifier of its challenge. The code is marked used by one conditional update, so of any
 * number of requests racing with it exactly one gets past it; the others are told `replayed`. Used by
 * the token endpoint and by the demo sign-in, which redeems codes in-process.
 */
export async function redeemAuthorizationCode(
  db: Kysely<Database>,
  redemption: { code: string; verifier: string; redirectUri: string; at: number },
): Promise<CodeRedemption> {
  const codeHash = hashToken(redemption.code);
  const grant = await findAuthorizationCode(db, codeHash);
  if (!grant) return { error: 'The authorization code is not valid.', replayed: false };
  const at = new Date(redemption.at).toISOString();
  if (!(await spendAuthorizationCode(db, codeHash, at))) {
    return { error: 'The authorization code was already used.', replayed: true };
  }
  if (grant.expires_at <= at) {
    return { error: 'The authorization code has expired.', replayed: false };
  }
  if (grant.redirect_uri !== redemption.redirectUri) {
    return { error: 'redirect_uri does not match the authorization request.', replayed: false };
  }
  if (
    !verifierPattern.test(redemption.verifier) ||
    s256Challenge(redemption.verifier) !== grant.code_challenge
  ) {
    return { error: 'code_verifier does not match the code_challenge.', replayed: false };
  }
  return { grant };
}
