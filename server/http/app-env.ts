import type { Principal } from '../auth/governance';

/** Hono context variables: the authenticated principal, set by the API's auth middleware. */
export interface AppEnv {
  Variables: { principal: Principal };
}
