import * as z from 'zod/mini';

/** The app as an OAuth client: where it sends the user to sign in, and where it gets and ends tokens. */
export interface OAuthClientConfig {
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  clientId: string;
  /** Space-separated Outreach scopes. */
  scope: string;
}

export interface AppConfig {
  /** The API root, such as https://api.outreach.io/api/v2, without a trailing slash. */
  apiBaseUrl: string;
  oauth: OAuthClientConfig;
}

/** An unset variable and an empty one (`VITE_API_BASE_URL=` in a .env file) both mean the default. */
const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (value === '' ? undefined : value)),
    z.optional(schema),
  );

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

const envSchema = z.object({
  VITE_API_BASE_URL: optional(httpUrl),
  VITE_OAUTH_AUTHORIZE_URL: optional(httpUrl),
  VITE_OAUTH_TOKEN_URL: optional(httpUrl),
  VITE_OAUTH_REVOKE_URL: optional(httpUrl),
  VITE_OAUTH_CLIENT_ID: optional(z.string().check(z.trim(), z.minLength(1, 'must not be blank'))),
  VITE_OAUTH_SCOPE: optional(z.string().check(z.trim(), z.minLength(1, 'must not be blank'))),
});

/**
 * The configuration a build was made with (Vite bakes `VITE_*` variables in at build time); whatever is
 * not set points at the server the app is served from.
 */
export function readAppConfig(env: Record<string, unknown>, origin: string): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`The app's build configuration is invalid: ${problems.join('; ')}.`);
  }
  const vars = parsed.data;
  return {
    apiBaseUrl: (vars.VITE_API_BASE_URL ?? `${origin}/api/v2`).replace(/\/+$/, ''),
    oauth: {
      authorizeUrl: vars.VITE_OAUTH_AUTHORIZE_URL ?? `${origin}/oauth/authorize`,
      tokenUrl: vars.VITE_OAUTH_TOKEN_URL ?? `${origin}/oauth/token`,
      revokeUrl: vars.VITE_OAUTH_REVOKE_URL ?? `${origin}/oauth/revoke`,
      clientId: vars.VITE_OAUTH_CLIENT_ID ?? 'phone-numbers-admin',
      scope: vars.VITE_OAUTH_SCOPE ?? 'phoneNumbers.all prospects.read users.read',
    },
  };
}

export const appConfig: AppConfig = readAppConfig(import.meta.env, window.location.origin);
