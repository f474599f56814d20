import { Hono, type MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import type { RateLimiter, RateLimits } from '../http/rate-limit';
import { clientAddress } from '../http/route-helpers';
import { authorizeRoute } from './authorize-route';
import { setRateLimitHeaders, tooManyRequests } from './oauth-rate-limit';
import { createExpiryPurge } from './purge';
import { tokenRoute } from './token-route';
import type { TokenService } from './tokens';

/**
 * The simulator's throttle on token mints (sign-ins and refreshes) per user per minute: Outreach
 * throttles minting, so a client that mints on every request must fail against the simulator too.
 */
export const SIMULATOR_MINTS_PER_USER_PER_MINUTE = 3;

interface OauthOptions {
  db: Kysely<Database>;
  config: ServerConfig;
  tokens: TokenService;
  now: () => number;
  /** Counts /oauth/* requests per client address, and sign-ins and refreshes per user. */
  limiter: RateLimiter;
  /** Makes the simulator's mint limiter, kept where the others are. */
  limits: RateLimits;
}

/**
 * The OAuth endpoints. Every request, to a known path or not, counts against its address's limit; sign-ins
 * and refreshes share their user's limit and one purge of expired grants.
 */
export function oauthRoutes({
  db,
  config,
  tokens,
  now,
  limiter,
  limits,
}: OauthOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const purgeExpired = createExpiryPurge({ db, now, accessTtlSeconds: config.tokenTtlSeconds });
  const limitUser = (userId: number, trx?: Kysely<Database>) => limiter.hit(`user:${userId}`, trx);

  const limitAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
    const state = await limiter.hit(`ip:${clientAddress(c, config.trustedProxies)}`);
    if (!state.allowed) return tooManyRequests(c, state);
    setRateLimitHeaders(c, state);
    await next();
  };
  app.use('*', limitAddress);
  app.route('/', authorizeRoute({ db, config, now, limitUser, purgeExpired }));
  const mintLimiter = limits.limiter('simulator-mint', SIMULATOR_MINTS_PER_USER_PER_MINUTE, 60_000);
  const simulator = config.outreachSimulator && {
    client: config.outreachSimulator,
    limitMint: (userId: number, trx: Kysely<Database>) => mintLimiter.hit(`user:${userId}`, trx),
  };
  app.route('/', tokenRoute({ db, tokens, now, limitUser, purgeExpired, simulator }));

  return app;
}
