import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { AuthSession } from '@/features/auth/auth-session';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import type { ApiClient } from '@/lib/api-client';
import { ApiClientContext } from '@/lib/api-client-context';
import { theme } from './theme';

interface AppProvidersProps {
  session: AuthSession;
  queryClient: QueryClient;
  apiClient: ApiClient;
  children: ReactNode;
}

export function AppProviders({ session, queryClient, apiClient, children }: AppProvidersProps) {
  return (
    // No storage manager: the theme follows the system setting and leaves localStorage alone.
    <ThemeProvider theme={theme} storageManager={null} noSsr>
      <CssBaseline enableColorScheme />
      <AuthSessionContext value={session}>
        <QueryClientProvider client={queryClient}>
          <ApiClientContext value={apiClient}>{children}</ApiClientContext>
        </QueryClientProvider>
      </AuthSessionContext>
    </ThemeProvider>
  );
}
