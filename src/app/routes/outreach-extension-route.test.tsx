import { createMemoryRouter, RouterProvider } from 'react-router';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import manifestText from '/public/outreach-extension-manifest.json?raw';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  prospectResource,
  prospectsEndpoint,
} from '@/features/prospects/testing/prospect-documents';
import { jsonApiResponse } from '@/testing/json-api-response';
import { sessionIn, TEST_USER } from '@/testing/auth-session-stub';
import { server } from '@/testing/msw-server';
import { renderWithProviders } from '@/testing/render-with-providers';
import { currentUserEndpoint, userResource } from '@/features/users/testing/user-documents';
import { AppRoutes } from '../app-routes';

const OUTREACH = 'https://app.outreach.io';
const manifest: unknown = JSON.parse(manifestText);

const signedIn = sessionIn({ status: 'signed-in', user: TEST_USER });

/** Outreach's side of the frame: what the extension posts it, parsed. */
function outreachParent() {
  const parent = { postMessage: vi.fn() };
  vi.stubGlobal('parent', parent);
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return () =>
    parent.postMessage.mock.calls.map(
      ([message]) => JSON.parse(String(message)) as { type: string; text?: string },
    );
}

/** The `cxt:sdk:init` answer Outreach sends a prospect tab, from an origin. */
function sendInit(origin: string, prospectId: string) {
  const init = {
    type: 'cxt:sdk:init',
    context: [
      { key: 'pro.id', value: prospectId },
      { key: 'usr.id', value: '2' },
    ],
    locale: 'en',
    theme: 'light',
    userIdentifier: '2',
    sessionId: 'session-1',
    configuration: [],
    locationSearchParams: [],
    application: manifest,
  };
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { origin, data: JSON.stringify(init) }));
  });
}

function renderExtension() {
  server.use(
    phoneNumbersEndpoint(() =>
      phoneNumberCollection(
        [phoneNumberResource(1, { number: '+14155550107' }, { prospectId: 7 })],
        { meta: { count: 1 } },
      ),
    ).handler,
    ...prospectsEndpoint([prospectResource(7, 'Olivia García', 'Acme Corporation')]).handlers,
    currentUserEndpoint(userResource(2, 'Riley Rep')),
  );
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], {
    initialEntries: ['/embed/outreach/phone-numbers'],
  });
  return renderWithProviders(
    <AuthSessionContext value={signedIn}>
      <RouterProvider router={router} />
    </AuthSessionContext>,
  );
}

describe('OutreachExtensionRoute', () => {
  it("says it is ready, then shows the numbers of the prospect Outreach's context names", async () => {
    const posted = outreachParent();
    renderExtension();

    expect(screen.getByRole('progressbar', { name: 'Connecting to Outreach' })).toBeVisible();
    await waitFor(() => {
      expect(posted()).toContainEqual(expect.objectContaining({ type: 'cxt:sdk:ready' }));
    });
    sendInit(OUTREACH, '7');

    const grid = await screen.findByRole('grid', { name: 'Phone numbers' });
    expect(await within(grid).findByRole('link', { name: '+1 415 555 0107' })).toBeVisible();
  });

  it('tells Outreach of a change with a toast', async () => {
    const posted = outreachParent();
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, () =>
        jsonApiResponse({
          data: phoneNumberResource(
            1,
            { number: '+14155550107', extension: '42' },
            { prospectId: 7 },
          ),
        }),
      ),
    );
    const { user } = renderExtension();
    await waitFor(() => {
      expect(posted()).toContainEqual(expect.objectContaining({ type: 'cxt:sdk:ready' }));
    });
    sendInit(OUTREACH, '7');

    const link = await screen.findByRole('link', { name: '+1 415 555 0107' });
    const row = link.closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await user.type(within(row).getByRole('textbox'), '42{Enter}');

    await waitFor(() => {
      expect(posted()).toContainEqual(
        expect.objectContaining({
          type: 'cxt:sdk:notify',
          notificationText: 'Phone number saved',
          notificationType: 'success',
        }),
      );
    });
  });

  it('ignores an init that does not come from Outreach', async () => {
    const posted = outreachParent();
    renderExtension();
    await waitFor(() => {
      expect(posted()).toContainEqual(expect.objectContaining({ type: 'cxt:sdk:ready' }));
    });

    sendInit('https://evil.example', '7');

    expect(screen.getByRole('progressbar', { name: 'Connecting to Outreach' })).toBeVisible();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    // Outreach itself answers in the end, which also ends the SDK's 10-second wait.
    sendInit(OUTREACH, '7');
    expect(await screen.findByRole('grid', { name: 'Phone numbers' })).toBeVisible();
  });
});
