import { createContext, use, useSyncExternalStore } from 'react';
import type { AuthSession, AuthState } from './auth-session';

export const AuthSessionContext = createContext<AuthSession | null>(null);

export function useAuthSession(): AuthSession {
  const session = use(AuthSessionContext);
  if (!session) throw new Error('useAuthSession needs an <AuthSessionContext> above it.');
  return session;
}

export function useAuthState(): AuthState {
  const session = useAuthSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}
