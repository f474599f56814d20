import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { AuthSession } from '@/features/auth/auth-session';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import { createApiClient } from '@/lib/api-client';
import { ApiClientContext } from '@/lib/api-client-context';
import { appApiBaseUrl } from '@/lib/app-config';
import { createQueryClient } from '@/lib/query-client';
import { theme } from './theme';

interface AppProvidersProps {
  session: AuthSession;
  children: ReactNode;
}

export function AppProviders({ session, children }: AppProvidersProps) {
  const [queryClient] = useState(createQueryClient);
  const [apiClient] = useState(() => createApiClient({ baseUrl: appApiBaseUrl, session }));
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
