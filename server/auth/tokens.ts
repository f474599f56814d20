import { hash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema';
import type { PrincipalChanges } from '../db/principal-changes';
import type { Principal } from './governance';
import { DEFAULT_SCOPE } from './scopes';

/** Refresh tokens outlive access tokens; rotation replaces one on every use. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

/** Outreach's refresh tokens live 14 days; the simulator's do too. */
export const OUTREACH_REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;

export const hashToken = (token: string): string => hash('sha256', token, 'base64url');

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

/**
 * Who a user acting with these scopes is, for the API's checks; undefined when the user is gone or
 * deactivated.
 */
export async function userPrincipal(
  db: Kysely<Database>,
  userId: number,
  scope: string,
  tokenKey: string,
): Promise<Principal | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name', 'role'])
    .where('id', '=', userId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  return user && principalOf(user, scope, tokenKey);
}

const principalOf = (
  user: Pick<UserRow, 'id' | 'first_name' | 'last_name' | 'role'>,
  scope: string,
  tokenKey: string,
): Principal => ({
  userId: user.id,
  name: `${user.first_name} ${user.last_name}`,
  role: user.role,
  scopes: scopeSet(scope),
  tokenKey,
});

export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
  created_at: number;
}

/** How long an authenticated token's principal is remembered; revocation forgets it at once. */
const PRINCIPAL_CACHE_MS = 60_000;
/**
 * The same with several processes, where another process's change is heard through the database: a
 * shorter bound, should a connection stop delivering without failing (decision 0052).
 */
const HEARD_PRINCIPAL_CACHE_MS = 10_000;
const PRINCIPAL_CACHE_SIZE = 10_000;

interface CachedPrincipal {
  principal: Principal;
  familyId: string | undefined;
  validUntil: number;
}

export interface TokenService {
  /** The principal a bearer token stands for, or undefined if it is unknown, revoked or expired. */
  authenticate: (token: string) => Promise<Principal | undefined>;
  /**
   * Stores (hashes of) a new access and refresh token in a family; rotation keeps the family. `db` is
   * the transaction that redeems the grant, so that redeeming and issuing happen together or not at all.
   */
  issue: (
    grant: { userId: number; clientId: string; scope: string; familyId: string },
    db?: Kysely<Database>,
  ) => Promise<IssuedTokens>;
  /** Revokes every token of a family: sign-out, or a replayed refresh token or authorization code. */
  revokeFamily: (familyId: string, db?: Kysely<Database>) => Promise<void>;
  /**
   * Forgets every remembered principal of a user, once a change to them (role, deactivation) is
   * committed: their next request is looked up again and meets the change.
   */
  forgetUser: (userId: number) => void;
}

/**
 * Tokens for one server. Looking a token and its user up costs a query, a large part of a small request,
 * so with `cachePrincipals` an authenticated principal is remembered for a minute (never past the token's
 * expiry), and forgotten as soon as this process revokes its family. With `principalChanges` (several
 * processes, decision 0052) it is remembered for 10 s, only while the database's notifications of changed
 * users and tokens are heard, and forgotten when one names its user. Without caching every request looks
 * its token up.
 */
export function createTokenService(options: {
  db: Kysely<Database>;
  production: boolean;
  accessTtlSeconds: number;
  refreshTtlSeconds?: number;
  now: () => number;
  cachePrincipals: boolean;
  principalChanges?: PrincipalChanges | undefined;
}): TokenService {
  const {
    db,
    production,
    cachePrincipals,
    principalChanges,
    accessTtlSeconds,
    refreshTtlSeconds = REFRESH_TOKEN_TTL_SECONDS,
    now,
  } = options;
  const cacheMs = principalChanges ? HEARD_PRINCIPAL_CACHE_MS : PRINCIPAL_CACHE_MS;
  /** Whether a principal may be remembered now: never while another process's changes go unheard. */
  const caching = () => cachePrincipals && (principalChanges?.listening() ?? true);
  const cache = new Map<string, CachedPrincipal>();
  // Bumped by forgetUser: a look-up that began before a user changed is not remembered, since it may
  // have read them as they were.
  let userChanges = 0;
  const iso = (ms: number) => new Date(ms).toISOString();

  function forgetUser(userId: number) {
    userChanges += 1;
    for (const [tokenKey, entry] of cache)
      if (entry.principal.userId === userId) cache.delete(tokenKey);
  }
  principalChanges?.subscribe((userId) => {
    if (userId !== undefined) {
      forgetUser(userId);
      return;
    }
    userChanges += 1;
    cache.clear();
  });

  function remember(tokenKey: string, entry: CachedPrincipal) {
    if (cache.size >= PRINCIPAL_CACHE_SIZE) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(tokenKey, entry);
  }

  async function lookUp(
    token: string,
    tokenKey: string,
    nowMs: number,
  ): Promise<CachedPrincipal | undefined> {
    const development =
      production || !Object.hasOwn(DEVELOPMENT_TOKENS, token)
        ? undefined
        : DEVELOPMENT_TOKENS[token];
    if (development) {
      const principal = await userPrincipal(db, development.userId, development.scope, tokenKey);
      return principal && { principal, familyId: undefined, validUntil: nowMs + cacheMs };
    }
    const row = await db
      .selectFrom('oauth_tokens')
      .innerJoin('users', 'users.id', 'oauth_tokens.user_id')
      .select([
        'users.id',
        'users.first_name',
        'users.last_name',
        'users.role',
        'oauth_tokens.scope',
        'oauth_tokens.family_id',
        'oauth_tokens.expires_at',
      ])
      .where('oauth_tokens.token_hash', '=', tokenKey)
      .where('oauth_tokens.kind', '=', 'access')
      .where('oauth_tokens.revoked_at', 'is', null)
      .where('oauth_tokens.expires_at', '>', iso(nowMs))
      .where('users.deactivated_at', 'is', null)
      .executeTakeFirst();
    return (
      row && {
        principal: principalOf(row, row.scope, tokenKey),
        familyId: row.family_id,
        validUntil: Math.min(nowMs + cacheMs, Date.parse(row.expires_at)),
      }
    );
  }

  return {
    authenticate: async (token) => {
      const tokenKey = hashToken(token);
      const nowMs = now();
      if (!caching()) return (await lookUp(token, tokenKey, nowMs))?.principal;
      const cached = cache.get(tokenKey);
      if (cached && cached.validUntil > nowMs) return cached.principal;
      cache.delete(tokenKey);
      const changesBefore = userChanges;
      const found = await lookUp(token, tokenKey, nowMs);
      if (!found) return undefined;
      if (changesBefore === userChanges && caching()) remember(tokenKey, found);
      return found.principal;
    },

    issue: async (grant, executor = db) => {
      const nowMs = now();
      const accessToken = randomToken();
      const refreshToken = randomToken();
      const common = {
        family_id: grant.familyId,
        client_id: grant.clientId,
        user_id: grant.userId,
        scope: grant.scope,
        revoked_at: null,
        created_at: iso(nowMs),
      };
      await executor
        .insertInto('oauth_tokens')
        .values([
          {
            ...common,
            token_hash: hashToken(accessToken),
            kind: 'access',
            expires_at: iso(nowMs + accessTtlSeconds * 1000),
          },
          {
            ...common,
            token_hash: hashToken(refreshToken),
            kind: 'refresh',
            expires_at: iso(nowMs + refreshTtlSeconds * 1000),
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
    },

    revokeFamily: async (familyId, executor = db) => {
      const forget = () => {
        for (const [tokenKey, entry] of cache)
          if (entry.familyId === familyId) cache.delete(tokenKey);
      };
      forget();
      await executor
        .updateTable('oauth_tokens')
        .set({ revoked_at: iso(now()) })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
      // Again: a token of the family may have been looked up and remembered while the update ran.
      forget();
    },

    forgetUser,
  };
}
