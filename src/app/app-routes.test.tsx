import { createMemoryRouter, RouterProvider } from 'react-router';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAuthSession, type AuthState } from '@/features/auth/auth-session';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  currentUserEndpoint,
  demoUsers,
  userResource,
  usersEndpoint,
} from '@/features/users/testing/user-documents';
import { createApiClient } from '@/lib/api-client';
import { ApiClientContext } from '@/lib/api-client-context';
import { sessionIn, TEST_USER } from '@/testing/auth-session-stub';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderWithProviders, TEST_API_BASE_URL } from '@/testing/render-with-providers';
import { AppRoutes } from './app-routes';

function renderApp(
  url: string,
  state: AuthState = { status: 'signed-in', user: TEST_USER },
  signedInAs = userResource(TEST_USER.id, TEST_USER.name),
) {
  server.use(
    phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)])).handler,
    currentUserEndpoint(signedInAs),
  );
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], {
    initialEntries: [url],
  });
  const rendered = renderWithProviders(
    <AuthSessionContext value={sessionIn(state)}>
      <RouterProvider router={router} />
    </AuthSessionContext>,
  );
  return { router, ...rendered };
}

describe('AppRoutes', () => {
  it('sends / to the phone numbers', async () => {
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/phone-numbers');
    expect(await screen.findByRole('grid', { name: 'Phone numbers' })).toBeVisible();
    expect(screen.getByRole('banner')).toHaveTextContent('Signed in as Riley Rep');
  });

  it('says when there is no page at an address, with a way back', async () => {
    const { user, router } = renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Go to the phone numbers' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/phone-numbers');
  });

  it('offers to sign in in place of the page, and keeps the address to come back to', () => {
    const { router } = renderApp('/phone-numbers?prospect=3', { status: 'signed-out' });

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe(
      '/phone-numbers?prospect=3',
    );
  });

  it('offers to sign in in place of the page when the API says the session is over, and keeps the address', async () => {
    server.use(
      http.get(`${window.location.origin}/auth/session`, () =>
        HttpResponse.json({ data: { mode: 'demo', user: TEST_USER } }),
      ),
      phoneNumbersEndpoint(() =>
        errorResponse(401, {
          id: 'unauthorized',
          title: 'Unauthorized',
          detail: 'The session has ended.',
        }),
      ).handler,
      currentUserEndpoint(userResource(TEST_USER.id, TEST_USER.name)),
    );
    const session = createAuthSession({ framed: false });
    await session.start();
    const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], {
      initialEntries: ['/phone-numbers?sort=-phoneType&type=mobile'],
    });

    renderWithProviders(
      <AuthSessionContext value={session}>
        <ApiClientContext value={createApiClient({ baseUrl: TEST_API_BASE_URL, session })}>
          <RouterProvider router={router} />
        </ApiClientContext>
      </AuthSessionContext>,
    );

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(screen.getByText('Your session has ended. Sign in again.')).toBeVisible();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe(
      '/phone-numbers?sort=-phoneType&type=mobile',
    );
  });

  it('shows admins a link to the Users page, which loads when followed', async () => {
    server.use(...usersEndpoint(demoUsers()).handlers);
    const { user, router } = renderApp(
      '/phone-numbers',
      { status: 'signed-in', user: { id: 1, name: 'Ada Admin' } },
      userResource(1, 'Ada Admin', { role: 'admin' }),
    );

    const pages = await screen.findByRole('navigation', { name: 'Pages' });
    await user.click(within(pages).getByRole('link', { name: 'Users' }));

    expect(router.state.location.pathname).toBe('/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    expect(await screen.findByRole('table', { name: 'Users' })).toBeVisible();
  });

  it('shows no Users link to a rep, and no users at /users', async () => {
    renderApp('/users');

    expect(await screen.findByText(/^Only admins can manage users/)).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });
});
