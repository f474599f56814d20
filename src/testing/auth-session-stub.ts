import type { AuthSession, AuthState } from '@/features/auth/auth-session';

/** Who a signed-in stub session is for. */
export const TEST_USER = { id: 2, name: 'Riley Rep' };

/** A session that stays in one state (the same object, as useSyncExternalStore needs). */
export function sessionIn(state: AuthState, overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    start: () => Promise.resolve(),
    signIn: () => undefined,
    signOut: () => Promise.resolve(),
    expire: () => undefined,
    ...overrides,
  };
}
