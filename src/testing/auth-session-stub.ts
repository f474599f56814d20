import type { AuthSession, AuthState } from '@/features/auth/auth-session';
import { TEST_ACCESS_TOKEN } from './render-with-providers';

/** A session that stays in one state (the same object, as useSyncExternalStore needs) and never refreshes. */
export function sessionIn(state: AuthState, overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    start: () => Promise.resolve(),
    signIn: () => Promise.resolve(),
    signOut: () => undefined,
    getAccessToken: () => Promise.resolve(TEST_ACCESS_TOKEN),
    refreshAccessToken: () => Promise.resolve(undefined),
    ...overrides,
  };
}
