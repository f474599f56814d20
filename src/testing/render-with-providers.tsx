import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { userEvent, type UserEvent } from '@testing-library/user-event';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import { ApiClientContext } from '@/lib/api-client-context';

/** Absolute, because fetch under jsdom does not resolve relative URLs. */
export const TEST_API_BASE_URL = 'http://api.test/api/v2';

/** An API client on the test API root, on a session cookie as the app's is; nothing watches its end. */
export function createTestApiClient(): ApiClient {
  return createApiClient({ baseUrl: TEST_API_BASE_URL, session: { expire: () => undefined } });
}

export interface RenderOptions {
  /** The QueryClient to render with; by default one that never retries, so that failures show at once. */
  queryClient?: QueryClient;
}

export function renderWithProviders(
  ui: ReactElement,
  {
    queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, gcTime: Infinity } },
    }),
  }: RenderOptions = {},
): RenderResult & { user: UserEvent } {
  const apiClient = createTestApiClient();
  return {
    user: userEvent.setup(),
    ...render(
      <QueryClientProvider client={queryClient}>
        <ApiClientContext value={apiClient}>{ui}</ApiClientContext>
      </QueryClientProvider>,
    ),
  };
}
