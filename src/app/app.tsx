import { BrowserRouter } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthSession } from '@/features/auth/auth-session';
import type { ApiClient } from '@/lib/api-client';
import { AppProviders } from './app-providers';
import { AppRoutes } from './app-routes';

interface AppProps {
  session: AuthSession;
  queryClient: QueryClient;
  apiClient: ApiClient;
}

export function App({ session, queryClient, apiClient }: AppProps) {
  return (
    <AppProviders session={session} queryClient={queryClient} apiClient={apiClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
