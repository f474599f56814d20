import { z } from 'zod';

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

const environmentSchema = z.object({
  PORT: integerFromEnv('PORT', 0, 65_535).default(4173),
  DATABASE_PATH: z.string().trim().min(1).default('.data/phone-numbers.sqlite'),
  SEED_PROSPECTS: integerFromEnv('SEED_PROSPECTS', 0, 10_000_000).optional(),
  RATE_LIMIT_PER_HOUR: integerFromEnv('RATE_LIMIT_PER_HOUR', 1, 1_000_000_000).default(10_000),
  TOKEN_TTL_SECONDS: integerFromEnv('TOKEN_TTL_SECONDS', 1, 31_536_000).default(7200),
  NODE_ENV: z.string().trim().default('development'),
  OAUTH_REDIRECT_URIS: z
    .string()
    .default('')
    .transform((value) => value.split(/[\s,]+/).filter(Boolean)),
});

export interface ServerConfig {
  port: number;
  databasePath: string;
  seedProspects: number | undefined;
  rateLimitPerHour: number;
  tokenTtlSeconds: number;
  /** Development tokens (dev-admin, …) work only when this is false. */
  production: boolean;
  /** Redirect URIs on other origins that the authorization server accepts, besides its own origin. */
  oauthRedirectUris: readonly string[];
}

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
  return {
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    seedProspects: e.SEED_PROSPECTS,
    rateLimitPerHour: e.RATE_LIMIT_PER_HOUR,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    production: e.NODE_ENV === 'production',
    oauthRedirectUris: e.OAUTH_REDIRECT_URIS,
  };
}

/** Defaults for tests and tools that build an app without reading the environment. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...configFromEnvironment({}), ...overrides };
}
