import type { HttpBindings } from '@hono/node-server';
import type { Principal } from '../auth/governance';
import type { SessionStore } from '../session/types';

/**
 * Hono context: Node's request when the app runs on @hono/node-server (absent when a test calls
 * app.request()); the authenticated principal, set by the API's auth middleware; and the headers every
 * API response carries (security and rate-limit headers), which API responses are built with in one go
 * because adding headers to a finished response costs more than building it.
 */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** Who a valid token acts for, or undefined: set for every API request, before any sign-in check. */
    caller: Principal | undefined;
    /** The signed-in principal: set once sign-in is required and checked. */
    principal: Principal;
    responseHeaders: Record<string, string>;
    /** The origin this request's links and redirects name (route-helpers' publicOrigin). */
    publicOrigin: string;
    /** The browser app's sessions, for sessionFromRequest. */
    sessions: SessionStore;
  };
}
