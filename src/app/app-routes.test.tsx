import { createMemoryRouter, RouterProvider } from 'react-router';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuthState } from '@/features/auth/auth-session';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import { jsonApiResponse } from '@/testing/json-api-response';
import { sessionIn } from '@/testing/auth-session-stub';
import { server } from '@/testing/msw-server';
import { renderWithProviders, TEST_API_BASE_URL } from '@/testing/render-with-providers';
import { AppRoutes } from './app-routes';

function renderApp(url: string, state: AuthState = { status: 'signed-in' }) {
  server.use(
    http.get(TEST_API_BASE_URL, () =>
      jsonApiResponse({ meta: { user: { id: 2, attributes: { name: 'Riley Rep' } } } }),
    ),
    phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)])).handler,
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
});
