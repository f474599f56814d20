import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env';

/** hono/csrf's check alone: Origin, or Sec-Fetch-Site, of this server's own public origin. */
const formCsrf: MiddlewareHandler<AppEnv> = csrf({
  origin: (origin, c: Context<AppEnv>) => origin === c.var.publicOrigin,
});

/**
 * Whether a form post came from a page of this server (decision 0046, CSRF): a page on another site can
 * post a form here, but its browser says where it came from.
 */
export async function postedFromThisOrigin(c: Context<AppEnv, string>): Promise<boolean> {
  try {
    await formCsrf(c, () => Promise.resolve());
    return true;
  } catch (error) {
    if (error instanceof HTTPException) return false;
    throw error;
  }
}
