import type { Kysely } from 'kysely';
import type { Principal } from '../auth/governance';
import { DEFAULT_SCOPE } from '../auth/scopes';
import { hashToken, userPrincipal } from '../auth/tokens';
import type { Database } from '../db/schema';
import type { StoredSession } from './types';

/**
 * Who a demo or oidc session acts for on the local API: its local user, with the scopes the app asks
 * for. Undefined when the user is gone or deactivated, or for an outreach session (whose API calls go
 * upstream).
 */
export function localPrincipal(
  db: Kysely<Database>,
  session: StoredSession,
): Promise<Principal | undefined> {
  if (session.mode === 'outreach' || !/^\d{1,9}$/.test(session.subject)) {
    return Promise.resolve(undefined);
  }
  return userPrincipal(db, Number(session.subject), DEFAULT_SCOPE, hashToken(session.idHash));
}
