import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberListPage } from '../testing/phone-number-list-page';

const renderList = () =>
  renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
  });

afterEach(() => {
  sessionStorage.clear();
});

describe('PhoneNumberList when the session ends under an edit', () => {
  it('offers the change back after signing in again, and applies it when asked', async () => {
    server.use(
      phoneNumbersEndpoint(() =>
        phoneNumberCollection([phoneNumberResource(1, { number: '+14155550100' })]),
      ).handler,
    );
    let sessionEnded = true;
    const writes: unknown[] = [];
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, async ({ request }) => {
        writes.push(await request.json());
        // The API client's refresh fails too (the test client has none): the session is over.
        return sessionEnded
          ? errorResponse(401, { id: 'unauthorized', title: 'Unauthorized' })
          : jsonApiResponse({
              data: phoneNumberResource(1, { number: '+14155550100', extension: '42' }),
            });
      }),
    );
    const user = userEvent.setup();
    const first = renderList();
    const grid = screen.getByRole('grid', { name: 'Phone numbers' });
    const row = (
      await within(grid).findByRole('link', { name: '+1 415 555 0100' })
    ).closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await user.type(within(grid).getByRole('textbox'), '42{Enter}');
    await waitFor(() => {
      expect(writes).toHaveLength(1);
    });
    // Signing in again leaves the app and comes back to it.
    first.unmount();
    sessionEnded = false;
    renderList();

    const offer = await screen.findByText(
      "Your change to +1 415 555 0100 wasn't saved: your session had ended.",
    );
    await user.click(
      within(offer.closest<HTMLElement>('[role="alert"]')!).getByRole('button', {
        name: 'Apply your change again',
      }),
    );

    await waitFor(() => {
      expect(writes).toHaveLength(2);
    });
    expect(writes[1]).toEqual({
      data: { type: 'phoneNumber', id: 1, attributes: { extension: '42' } },
    });
    await waitFor(() => {
      expect(screen.queryByText(/your session had ended/)).not.toBeInTheDocument();
    });
  });
  it('sends the change again from the version it was made on, and after a 412 keeps it to apply knowingly', async () => {
    server.use(
      phoneNumbersEndpoint(() =>
        phoneNumberCollection([
          phoneNumberResource(1, { number: '+14155550100' }, { etag: 'W/"1"' }),
        ]),
      ).handler,
    );
    const answers = ['unauthorized', 'changed', 'saved'];
    const ifMatch: (string | null)[] = [];
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, ({ request }) => {
        ifMatch.push(request.headers.get('If-Match'));
        const answer = answers.shift();
        if (answer === 'unauthorized') {
          return errorResponse(401, { id: 'unauthorized', title: 'Unauthorized' });
        }
        if (answer === 'changed') {
          return errorResponse(412, {
            id: 'preconditionFailed',
            title: 'Precondition failed',
            detail: 'Someone changed this phone number since you read it.',
          });
        }
        return jsonApiResponse({
          data: phoneNumberResource(1, { number: '+14155550100', extension: '42' }),
        });
      }),
    );
    const user = userEvent.setup();
    const first = renderList();
    const grid = screen.getByRole('grid', { name: 'Phone numbers' });
    const row = (
      await within(grid).findByRole('link', { name: '+1 415 555 0100' })
    ).closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await user.type(within(grid).getByRole('textbox'), '42{Enter}');
    await waitFor(() => {
      expect(ifMatch).toHaveLength(1);
    });
    first.unmount();
    renderList();
    const applyAgain = async () => {
      const offer = await screen.findByText(
        "Your change to +1 415 555 0100 wasn't saved: your session had ended.",
      );
      await user.click(
        within(offer.closest<HTMLElement>('[role="alert"]')!).getByRole('button', {
          name: 'Apply your change again',
        }),
      );
    };

    await applyAgain();
    await waitFor(() => {
      expect(ifMatch).toEqual(['W/"1"', 'W/"1"']);
    });
    // Someone changed the number meanwhile: nothing was overwritten, and the change is still offered.
    await applyAgain();
    await waitFor(() => {
      expect(ifMatch).toEqual(['W/"1"', 'W/"1"', null]);
    });
    await waitFor(() => {
      expect(screen.queryByText(/your session had ended/)).not.toBeInTheDocument();
    });
  });
});
