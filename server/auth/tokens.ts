import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Principal } from './governance';
import { DEFAULT_SCOPE } from './scopes';

/** Refresh tokens outlive access tokens; rotation replaces one on every use. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

export const randomToken = (): string => randomBytes(32).toString('base64url');

/**
 * Fixed bearer tokens for scripts, curl and tests. They exist only outside production mode and never
 * expire. dev-readonly is Ada with read scopes only, to see scope refusals.
 */
export const DEVELOPMENT_TOKENS: Readonly<Record<string, { userId: number; scope: string }>> = {
  'dev-admin': { userId: 1, scope: DEFAULT_SCOPE },
  'dev-rep-riley': { userId: 2, scope: DEFAULT_SCOPE },
  'dev-rep-sam': { userId: 3, scope: DEFAULT_SCOPE },
  'dev-viewer': { userId: 4, scope: DEFAULT_SCOPE },
  'dev-readonly': { userId: 1, scope: 'phoneNumbers.read prospects.read users.read' },
};

const scopeSet = (scope: string): ReadonlySet<string> => new Set(scope.split(' ').filter(Boolean));

async function principalFor(
  db: Kysely<Database>,
  userId: number,
  scope: string,
  tokenKey: string,
): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  return {
    userId: user.id,
    name: `${user.first_name} ${user.last_name}`,
    role: user.role,
    scopes: scopeSet(scope),
    tokenKey,
  };
}

/** The principal a bearer token stands for, or undefined if it is unknown, revoked or expired. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  nowMs: number,
  production: boolean,
): Promise<Principal | undefined> {
  const tokenKey = hashToken(token);
  const development =
    production || !Object.hasOwn(DEVELOPMENT_TOKENS, token) ? undefined : DEVELOPMENT_TOKENS[token];
  if (development) {
    return principalFor(db, development.userId, development.scope, tokenKey);
  }
  const row = await db
    .selectFrom('oauth_tokens')
    .select(['user_id', 'scope'])
    .where('token_hash', '=', tokenKey)
    .where('kind', '=', 'access')
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date(nowMs).toISOString())
    .executeTakeFirst();
  return row ? principalFor(db, row.user_id, row.scope, tokenKey) : undefined;
}

export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
  created_at: number;
}

/** Stores (hashes of) a new access and refresh token in a family; rotation keeps the family. */
export async function issueTokens(
  db: Kysely<Database>,
  grant: { userId: number; clientId: string; scope: string; familyId: string },
  nowMs: number,
  accessTtlSeconds: number,
): Promise<IssuedTokens> {
  const accessToken = randomToken();
  const refreshToken = randomToken();
  const createdAt = new Date(nowMs).toISOString();
  const common = {
    family_id: grant.familyId,
    client_id: grant.clientId,
    user_id: grant.userId,
    scope: grant.scope,
    revoked_at: null,
    created_at: createdAt,
  };
  await db
    .insertInto('oauth_tokens')
    .values([
      {
        ...common,
        token_hash: hashToken(accessToken),
        kind: 'access',
        expires_at: new Date(nowMs + accessTtlSeconds * 1000).toISOString(),
      },
      {
        ...common,
        token_hash: hashToken(refreshToken),
        kind: 'refresh',
        expires_at: new Date(nowMs + REFRESH_TOKEN_TTL_SECONDS * 1000).toISOString(),
      },
    ])
    .execute();
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: accessTtlSeconds,
    refresh_token: refreshToken,
    scope: grant.scope,
    created_at: Math.floor(nowMs / 1000),
  };
}

/** Revokes every token of a family: used when a refresh token or an authorization code is replayed. */
export async function revokeFamily(
  db: Kysely<Database>,
  familyId: string,
  nowMs: number,
): Promise<void> {
  await db
    .updateTable('oauth_tokens')
    .set({ revoked_at: new Date(nowMs).toISOString() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}
