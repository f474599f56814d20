import type { Kysely } from 'kysely';
import type { Principal } from '../auth/governance';
import { DEFAULT_SCOPE } from '../auth/scopes';
import { hashToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import type { StoredSession } from './types';

const SESSION_SCOPES: ReadonlySet<string> = new Set(DEFAULT_SCOPE.split(' '));

/**
 * Who a demo-mode session acts for on the local API: its local user, with the scopes the app asks for.
 * Undefined when the user is gone, or for a session of another mode (whose API calls go upstream).
 */
export async function localPrincipal(
  db: Kysely<Database>,
  session: StoredSession,
): Promise<Principal | undefined> {
  if (session.mode !== 'demo' || !/^\d{1,9}$/.test(session.subject)) return undefined;
  const user = await db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name', 'role'])
    .where('id', '=', Number(session.subject))
    .executeTakeFirst();
  if (!user) return undefined;
  return {
    userId: user.id,
    name: `${user.first_name} ${user.last_name}`,
    role: user.role,
    scopes: SESSION_SCOPES,
    tokenKey: hashToken(session.idHash),
  };
}
