import type { AuthSession } from '@/features/auth/auth-session';
import { AppProviders } from './app-providers';
import { AppShell } from './app-shell';

export function App({ session }: { session: AuthSession }) {
  return (
    <AppProviders session={session}>
      <AppShell />
    </AppProviders>
  );
}
