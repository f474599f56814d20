import { z } from 'zod';
import { isPostgresUrl } from './db/engine';
import type { AuthMode } from './session/types';
import { parseEncryptionKey, type EncryptionKey } from './session/token-cipher';

const integerFromEnv = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`),
    );

/** A list in one variable, its entries split on commas or white space. */
const listFromEnv = (name: string, isEntry: (entry: string) => boolean, expected: string) =>
  z.string().transform((value, context) => {
    const entries = value.split(/[\s,]+/).filter(Boolean);
    for (const entry of entries) {
      if (!isEntry(entry)) {
        context.addIssue({
          code: 'custom',
          message: `${name} takes ${expected}; ${JSON.stringify(entry)} is not one`,
        });
      }
    }
    return entries;
  });

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const ORIGIN = new RegExp(
  `^https?://(?:(?:${LABEL}\\.)*${LABEL}|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?$`,
);
/** https://*.example.com: every subdomain of a domain of at least two labels, never all of a TLD. */
const SUBDOMAIN_WILDCARD = new RegExp(`^https://\\*\\.(?:${LABEL}\\.)+${LABEL}$`);

/** Scheme, host and port, exactly as a browser sends them in Origin: lower case, no path, no slash. */
function isOrigin(entry: string): boolean {
  if (!ORIGIN.test(entry)) return false;
  try {
    return new URL(entry).origin === entry;
  } catch {
    return false;
  }
}

const isFrameAncestor = (entry: string) =>
  entry === "'self'" || isOrigin(entry) || SUBDOMAIN_WILDCARD.test(entry);

function isRedirectUri(entry: string): boolean {
  try {
    const url = new URL(entry);
    return ['http:', 'https:'].includes(url.protocol) && url.hash === '' && url.href === entry;
  } catch {
    return false;
  }
}

const LOOPBACK_HOST = /^(?:(?:[a-z0-9-]+\.)*localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether browsers keep `Secure` cookies for a page of this origin: HTTPS, or plain HTTP on the loopback
 * address (a "potentially trustworthy" origin).
 */
export function isSecureContextOrigin(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === 'https:' || LOOPBACK_HOST.test(url.hostname);
}

/**
 * A URL of a service this server calls (Outreach, the identity provider): HTTPS, or HTTP on this machine
 * (a simulator, a provider to try it with); no query or fragment.
 */
function isServiceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      ['http:', 'https:'].includes(url.protocol) &&
      isSecureContextOrigin(url.origin) &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

/** Outreach's URLs, without a trailing slash. */
const outreachUrl = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine(
      isServiceUrl,
      `${name} must be an https:// URL (or http://localhost for a simulator), without query or fragment`,
    )
    .transform((value) => value.replace(/\/+$/, ''));

/** A list whose entries may hold spaces (a group named "Phone Admins"): split on commas only. */
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const EMAIL = /^[^\s@,]+@[^\s@,]+$/;

const encryptionKeys = z.string().transform((value, context) => {
  const keys: EncryptionKey[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const key = parseEncryptionKey(entry);
    if (typeof key === 'string') {
      context.addIssue({ code: 'custom', message: `TOKEN_ENCRYPTION_KEYS: ${key}` });
    } else if (keys.some((known) => known.id === key.id)) {
      context.addIssue({
        code: 'custom',
        message: `TOKEN_ENCRYPTION_KEYS names the kid ${JSON.stringify(key.id)} twice`,
      });
    } else {
      keys.push(key);
    }
  }
  return keys;
});

const environmentSchema = z.object({
  PORT: integerFromEnv('PORT', 0, 65_535).default(4173),
  DATABASE_PATH: z.string().trim().min(1).default('.data/phone-numbers.sqlite'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine(
      isPostgresUrl,
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/phone_numbers (leave it unset for the SQLite file DATABASE_PATH)',
    )
    .optional(),
  SEED_PROSPECTS: integerFromEnv('SEED_PROSPECTS', 0, 10_000_000).optional(),
  RATE_LIMIT_PER_HOUR: integerFromEnv('RATE_LIMIT_PER_HOUR', 1, 1_000_000_000).default(10_000),
  ADDRESS_RATE_LIMIT: integerFromEnv('ADDRESS_RATE_LIMIT', 1, 1_000_000_000).default(100_000),
  OAUTH_RATE_LIMIT: integerFromEnv('OAUTH_RATE_LIMIT', 1, 1_000_000_000).default(1_000),
  TOKEN_TTL_SECONDS: integerFromEnv('TOKEN_TTL_SECONDS', 1, 31_536_000).default(7200),
  TRUSTED_PROXIES: integerFromEnv('TRUSTED_PROXIES', 0, 10).default(0),
  NODE_ENV: z.string().trim().default('development'),
  PUBLIC_ORIGIN: z
    .string()
    .trim()
    .refine(
      isOrigin,
      'PUBLIC_ORIGIN must be an origin such as https://phones.example.com: scheme, host and port, no path or slash',
    )
    .optional(),
  OAUTH_REDIRECT_URIS: z
    .string()
    .default('')
    .transform((value) => value.split(/[\s,]+/).filter(Boolean)),
  CORS_ALLOWED_ORIGINS: listFromEnv(
    'CORS_ALLOWED_ORIGINS',
    isOrigin,
    'origins such as https://crm.example.com',
  ).default([]),
  EMBED_ALLOWED_ORIGINS: listFromEnv(
    'EMBED_ALLOWED_ORIGINS',
    isFrameAncestor,
    "'self', origins such as https://crm.example.com and wildcards such as https://*.example.com",
  ).default(["'self'", 'https://*.outreach.io']),
  AUTH_MODE: z
    .enum(['demo', 'outreach', 'oidc'], { error: 'AUTH_MODE is demo, outreach or oidc' })
    .default('demo'),
  TOKEN_ENCRYPTION_KEYS: encryptionKeys.default([]),
  SHARED_STATE: z
    .enum(['memory', 'database'], { error: 'SHARED_STATE is memory or database' })
    .optional(),
  OUTREACH_CLIENT_ID: z.string().trim().optional(),
  OUTREACH_CLIENT_SECRET: z.string().optional(),
  OUTREACH_OAUTH_URL: outreachUrl('OUTREACH_OAUTH_URL', 'https://api.outreach.io/oauth'),
  OUTREACH_API_URL: outreachUrl('OUTREACH_API_URL', 'https://api.outreach.io/api/v2'),
  OIDC_ISSUER: z
    .string()
    .trim()
    .refine(
      isServiceUrl,
      "OIDC_ISSUER must be the provider's issuer URL, https:// (or http://localhost to try it), without query or fragment, such as https://sso.example.com/realms/acme",
    )
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z
    .string()
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .refine(
      (scopes) => scopes.includes('openid'),
      'OIDC_SCOPES must include openid, such as "openid email profile"',
    )
    .default(['openid', 'email', 'profile']),
  OIDC_ROLE_CLAIM: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_:/-]+(?:\.[A-Za-z0-9_:/-]+)*$/,
      'OIDC_ROLE_CLAIM is a claim name such as groups, or a dotted path such as realm_access.roles',
    )
    .optional(),
  OIDC_ADMIN_GROUPS: commaList.default([]),
  OIDC_REP_GROUPS: commaList.default([]),
  OIDC_VIEWER_GROUPS: commaList.default([]),
  ADMIN_EMAILS: listFromEnv(
    'ADMIN_EMAILS',
    (entry) => EMAIL.test(entry),
    'email addresses such as ada@example.com',
  )
    .transform((emails) => emails.map((email) => email.toLowerCase()))
    .default([]),
  OUTREACH_SIMULATOR: z.enum(['0', '1'], { error: 'OUTREACH_SIMULATOR is 1 or 0' }).default('0'),
  SIMULATOR_CLIENT_ID: z.string().trim().min(1).default('outreach-simulator'),
  SIMULATOR_CLIENT_SECRET: z.string().min(1).default('outreach-simulator-secret'),
  SIMULATOR_REDIRECT_URIS: listFromEnv(
    'SIMULATOR_REDIRECT_URIS',
    isRedirectUri,
    'absolute http(s) URLs such as http://localhost:4173/auth/callback',
  ).default(['http://localhost:4173/auth/callback']),
});

type Environment = z.infer<typeof environmentSchema>;

/** What a mode needs besides its own variables; each problem names the variables it is about. */
function modeProblems(e: Environment): string[] {
  if (e.AUTH_MODE === 'demo') {
    return e.NODE_ENV === 'production'
      ? [
          'AUTH_MODE=demo cannot run with NODE_ENV=production: the demo sign-in lets anyone in as any user. Set AUTH_MODE=oidc or AUTH_MODE=outreach (see the README), or leave NODE_ENV unset to try the demo.',
        ]
      : [];
  }
  if (e.AUTH_MODE === 'oidc') return oidcProblems(e);
  const problems: string[] = [];
  if (!e.OUTREACH_CLIENT_ID) problems.push('AUTH_MODE=outreach needs OUTREACH_CLIENT_ID');
  if (!e.OUTREACH_CLIENT_SECRET) problems.push('AUTH_MODE=outreach needs OUTREACH_CLIENT_SECRET');
  if (e.TOKEN_ENCRYPTION_KEYS.length === 0) {
    problems.push(
      'AUTH_MODE=outreach needs TOKEN_ENCRYPTION_KEYS (kid:base64 of 32 random bytes), which encrypt the Outreach tokens at rest',
    );
  }
  if (e.PUBLIC_ORIGIN === undefined || !isSecureContextOrigin(e.PUBLIC_ORIGIN)) {
    problems.push(
      'AUTH_MODE=outreach needs PUBLIC_ORIGIN=https://… (or http://localhost:<port> to try it): the session cookie is Secure, and Outreach redirects to <PUBLIC_ORIGIN>/auth/callback',
    );
  }
  return problems;
}

function oidcProblems(e: Environment): string[] {
  const problems: string[] = [];
  if (!e.OIDC_ISSUER) {
    problems.push(
      "AUTH_MODE=oidc needs OIDC_ISSUER, the identity provider's issuer URL (its discovery document is <OIDC_ISSUER>/.well-known/openid-configuration)",
    );
  } else if (e.NODE_ENV === 'production' && !e.OIDC_ISSUER.startsWith('https:')) {
    problems.push('OIDC_ISSUER must be https:// with NODE_ENV=production');
  }
  if (!e.OIDC_CLIENT_ID) problems.push('AUTH_MODE=oidc needs OIDC_CLIENT_ID');
  if (!e.OIDC_CLIENT_SECRET) problems.push('AUTH_MODE=oidc needs OIDC_CLIENT_SECRET');
  if (e.PUBLIC_ORIGIN === undefined || !isSecureContextOrigin(e.PUBLIC_ORIGIN)) {
    problems.push(
      'AUTH_MODE=oidc needs PUBLIC_ORIGIN=https://… (or http://localhost:<port> to try it): the session cookie is Secure, and the provider redirects to <PUBLIC_ORIGIN>/auth/callback',
    );
  }
  const groups = [...e.OIDC_ADMIN_GROUPS, ...e.OIDC_REP_GROUPS, ...e.OIDC_VIEWER_GROUPS];
  if (e.OIDC_ROLE_CLAIM !== undefined && groups.length === 0) {
    problems.push(
      `OIDC_ROLE_CLAIM=${e.OIDC_ROLE_CLAIM} needs OIDC_ADMIN_GROUPS, OIDC_REP_GROUPS or OIDC_VIEWER_GROUPS: which of its values give which role`,
    );
  }
  if (e.OIDC_ROLE_CLAIM === undefined && groups.length > 0) {
    problems.push(
      'OIDC_ADMIN_GROUPS, OIDC_REP_GROUPS and OIDC_VIEWER_GROUPS need OIDC_ROLE_CLAIM, the claim that holds them (such as groups)',
    );
  }
  return problems;
}

/** The team's OpenID Connect provider and how its people become users, in oidc mode (decision 0049). */
export interface OidcConfig {
  /** The issuer URL, exactly as the provider names itself in its discovery document. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  /** The claim (a dotted path) whose values give a role, and which values give which; unset: the users table does. */
  roleClaim:
    | {
        path: readonly string[];
        admin: readonly string[];
        rep: readonly string[];
        viewer: readonly string[];
      }
    | undefined;
  /** Lower-cased: a verified email listed here and not yet a user becomes an admin at first sign-in. */
  adminEmails: readonly string[];
}

/** Outreach's OAuth client settings, in outreach mode. */
export interface OutreachConfig {
  clientId: string;
  clientSecret: string;
  /** The OAuth base: `<oauthUrl>/authorize`, `<oauthUrl>/token`; no trailing slash. */
  oauthUrl: string;
  /** The REST API root the proxy forwards to; no trailing slash. */
  apiUrl: string;
}

/** The confidential client the simulator knows, as Outreach knows an app registered with it. */
export interface SimulatorClient {
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
}

export interface ServerConfig {
  port: number;
  /** The SQLite file (`DATABASE_PATH`), used when `databaseUrl` is unset; beside it the demo key. */
  databasePath: string;
  /** PostgreSQL's connection URL (`DATABASE_URL`): the store is there instead of the SQLite file. */
  databaseUrl: string | undefined;
  seedProspects: number | undefined;
  /** API requests per user per hour (and per client address for requests without a valid token). */
  rateLimitPerHour: number;
  /** API requests per client address per hour, whoever makes them. */
  rateLimitPerAddressPerHour: number;
  /** /oauth/* requests per client address per hour; also sign-ins and refreshes per user per hour. */
  oauthRateLimitPerHour: number;
  tokenTtlSeconds: number;
  /**
   * How many reverse proxies stand in front of the server (`TRUSTED_PROXIES`). With 0, rate limits
   * count by the peer's address and X-Forwarded-For is ignored (a client can write anything there);
   * with n, by the address the outermost proxy saw: the n-th entry from the end of the peer and
   * X-Forwarded-For chain.
   */
  trustedProxies: number;
  /** Development tokens (dev-admin, …) work only when this is false. */
  production: boolean;
  /**
   * The origin users reach the server at (`PUBLIC_ORIGIN`): links, Location headers and the sign-in
   * page's own origin name it. Unset, they name the address the request arrived at, never its Host header.
   */
  publicOrigin: string | undefined;
  /** Redirect URIs on other origins that the authorization server accepts, besides its own origin. */
  oauthRedirectUris: readonly string[];
  /** Origins whose pages may call the API from the browser (CORS); none by default. */
  corsAllowedOrigins: readonly string[];
  /** Who may frame the /embed/… pages: the sources of their CSP frame-ancestors. */
  embedAllowedOrigins: readonly string[];
  /**
   * With `OUTREACH_SIMULATOR=1` (development only), the server also plays Outreach for this client: its
   * /oauth accepts it as Outreach does a confidential client (decision 0046, "The simulator").
   */
  outreachSimulator: SimulatorClient | undefined;
  /** How the browser app's users sign in (`AUTH_MODE`, decision 0046). */
  authMode: AuthMode;
  /**
   * The keys upstream tokens are encrypted with (`TOKEN_ENCRYPTION_KEYS`), the first sealing; empty when
   * unset, which only demo mode allows (main.ts then keeps a generated key beside the database).
   */
  tokenEncryptionKeys: readonly EncryptionKey[];
  /** Set in outreach mode only. */
  outreach: OutreachConfig | undefined;
  /** Set in oidc mode only. */
  oidc: OidcConfig | undefined;
  /**
   * Where rate-limit counts live and whether token principals are cached (`SHARED_STATE`, decision
   * 0052): `memory`, this process's, for a single process; `database`, seen by every process that
   * shares the database. The default is `database` on PostgreSQL (`DATABASE_URL=postgres://…`), else
   * `memory`.
   */
  sharedState: SharedState;
}

export type SharedState = 'memory' | 'database';

export function configFromEnvironment(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(
      Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
    ),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems = modeProblems(e);
  if (e.OUTREACH_SIMULATOR === '1' && production) {
    problems.push(
      'OUTREACH_SIMULATOR=1 is for development and tests; it cannot run with NODE_ENV=production.',
    );
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    seedProspects: e.SEED_PROSPECTS,
    rateLimitPerHour: e.RATE_LIMIT_PER_HOUR,
    rateLimitPerAddressPerHour: e.ADDRESS_RATE_LIMIT,
    oauthRateLimitPerHour: e.OAUTH_RATE_LIMIT,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    trustedProxies: e.TRUSTED_PROXIES,
    production,
    publicOrigin: e.PUBLIC_ORIGIN,
    oauthRedirectUris: e.OAUTH_REDIRECT_URIS,
    corsAllowedOrigins: e.CORS_ALLOWED_ORIGINS,
    embedAllowedOrigins: e.EMBED_ALLOWED_ORIGINS,
    outreachSimulator:
      e.OUTREACH_SIMULATOR === '1'
        ? {
            clientId: e.SIMULATOR_CLIENT_ID,
            clientSecret: e.SIMULATOR_CLIENT_SECRET,
            redirectUris: e.SIMULATOR_REDIRECT_URIS,
          }
        : undefined,
    authMode: e.AUTH_MODE,
    tokenEncryptionKeys: e.TOKEN_ENCRYPTION_KEYS,
    outreach:
      e.AUTH_MODE === 'outreach' && e.OUTREACH_CLIENT_ID && e.OUTREACH_CLIENT_SECRET
        ? {
            clientId: e.OUTREACH_CLIENT_ID,
            clientSecret: e.OUTREACH_CLIENT_SECRET,
            oauthUrl: e.OUTREACH_OAUTH_URL,
            apiUrl: e.OUTREACH_API_URL,
          }
        : undefined,
    oidc:
      e.AUTH_MODE === 'oidc' && e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            roleClaim:
              e.OIDC_ROLE_CLAIM === undefined
                ? undefined
                : {
                    path: e.OIDC_ROLE_CLAIM.split('.'),
                    admin: e.OIDC_ADMIN_GROUPS,
                    rep: e.OIDC_REP_GROUPS,
                    viewer: e.OIDC_VIEWER_GROUPS,
                  },
            adminEmails: e.ADMIN_EMAILS,
          }
        : undefined,
    sharedState:
      e.SHARED_STATE ?? (/^postgres(?:ql)?:/.test(env.DATABASE_URL ?? '') ? 'database' : 'memory'),
  };
}

/** Defaults for tests and tools that build an app without reading the environment. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...configFromEnvironment({}), ...overrides };
}
