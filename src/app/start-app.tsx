import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAuthSession } from '@/features/auth/auth-session';
import { createApiClient } from '@/lib/api-client';
import { appApiBaseUrl } from '@/lib/app-config';
import { createQueryClient } from '@/lib/query-client';
import { App } from './app';
import { preloadFirstPage } from './app-routes';
import type { FirstScreen } from './first-screen';
import { prefetchFirstScreen } from './first-screen-queries';

/**
 * How long the first render waits for the session and the first screen's data, so that the page
 * renders once, with its rows, rather than a spinner and skeleton rows for a moment and then again.
 * Their requests left as the page started, so they have usually arrived; a slow answer is not waited
 * for past this, and the page shows that it is loading instead.
 */
const FIRST_SCREEN_WAIT_MS = 300;

/** Renders the app into the page's #root; `screen` is what the URL it started at shows first. */
export async function startApp(screen: FirstScreen): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');

  preloadFirstPage(screen);
  const session = createAuthSession();
  const queryClient = createQueryClient();
  const apiClient = createApiClient({ baseUrl: appApiBaseUrl, session });
  await Promise.race([
    Promise.all([session.start(), prefetchFirstScreen(screen, queryClient, apiClient)]),
    new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
  ]);

  createRoot(root).render(
    <StrictMode>
      <App session={session} queryClient={queryClient} apiClient={apiClient} />
    </StrictMode>,
  );
}
