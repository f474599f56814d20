import { BrowserRouter } from 'react-router';
import type { AuthSession } from '@/features/auth/auth-session';
import { AppProviders } from './app-providers';
import { AppRoutes } from './app-routes';

export function App({ session }: { session: AuthSession }) {
  return (
    <AppProviders session={session}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
