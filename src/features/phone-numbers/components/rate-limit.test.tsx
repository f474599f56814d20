import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { QUERY_CLIENT_DEFAULTS } from '@/lib/query-client';
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

/** A 429 as our server sends it, asking to wait `seconds`. */
function tooManyRequests(seconds: number) {
  const response = errorResponse(429, {
    id: 'rateLimitExceeded',
    title: 'Rate Limit Exceeded',
    detail: 'Too many requests for this token.',
  });
  response.headers.set('Retry-After', String(seconds));
  return response;
}

/** The app's own retry policy, which the usual test client turns off. */
function renderList() {
  return renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
    queryClient: new QueryClient({
      defaultOptions: {
        ...QUERY_CLIENT_DEFAULTS,
        queries: { ...QUERY_CLIENT_DEFAULTS.queries, gcTime: Infinity },
      },
    }),
  });
}

const numbers = () => [phoneNumberResource(1, { number: '+14155550100' })];

/** Answers PATCHes with `answers` in turn (the last one from then on), keeping each request's body. */
function serveWrites(...answers: (() => Response)[]) {
  const writes: unknown[] = [];
  server.use(
    http.patch(`${PHONE_NUMBERS_URL}/:id`, async ({ request }) => {
      writes.push(await request.json());
      return (answers[writes.length - 1] ?? answers.at(-1)!)();
    }),
  );
  return writes;
}

const grid = () => screen.getByRole('grid', { name: 'Phone numbers' });
const extensionCell = async () =>
  (await within(grid()).findByRole('link', { name: /^\+1 415 555 0100/ }))
    .closest<HTMLElement>('[role="row"]')!
    .querySelector<HTMLElement>('[role="gridcell"][data-field="extension"]')!;

describe('PhoneNumberList after a 429', () => {
  it('waits the time the server asks before loading again, says so, and shows the numbers', async () => {
    let calls = 0;
    server.use(
      phoneNumbersEndpoint(() => {
        calls += 1;
        return calls === 1 ? tooManyRequests(1) : phoneNumberCollection(numbers());
      }).handler,
    );
    renderList();

    expect(await screen.findByText('Too many requests — trying again in 1 s')).toBeInTheDocument();
    expect(
      await within(grid()).findByRole('link', { name: '+1 415 555 0100' }, { timeout: 5000 }),
    ).toBeVisible();
    expect(screen.queryByText("Couldn't load phone numbers")).not.toBeInTheDocument();
    expect(screen.queryByText(/Too many requests/)).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("keeps the rep's edit on screen through the wait, says so, and saves it on its own", async () => {
    let stored = numbers();
    server.use(phoneNumbersEndpoint(() => phoneNumberCollection(stored)).handler);
    const writes = serveWrites(
      () => tooManyRequests(1),
      () => {
        stored = [phoneNumberResource(1, { number: '+14155550100', extension: '42' })];
        return jsonApiResponse({ data: stored[0]! });
      },
    );
    const user = userEvent.setup();
    renderList();

    await user.dblClick(await extensionCell());
    await user.type(within(grid()).getByRole('textbox'), '42{Enter}');

    expect(await screen.findByText('Too many requests — trying again in 1 s')).toBeInTheDocument();
    expect(await extensionCell()).toHaveTextContent('42');
    await waitFor(
      () => {
        expect(writes).toHaveLength(2);
      },
      { timeout: 5000 },
    );
    await waitFor(() => {
      expect(screen.queryByText(/Too many requests/)).not.toBeInTheDocument();
    });
    expect(await extensionCell()).toHaveTextContent('42');
    // Said as saved, with nothing of the wait's failure.
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Extension of +1 415 555 0100 changed to 42',
    );
  });

  it('says so inside the Add dialog while its Save waits, and adds the number on its own', async () => {
    let stored = numbers();
    server.use(phoneNumbersEndpoint(() => phoneNumberCollection(stored)).handler);
    let posts = 0;
    server.use(
      http.post(PHONE_NUMBERS_URL, () => {
        posts += 1;
        if (posts === 1) return tooManyRequests(1);
        const added = phoneNumberResource(2, { number: '+14155550123' });
        stored = [...stored, added];
        return jsonApiResponse({ data: added }, 201);
      }),
    );
    const user = userEvent.setup();
    renderList();

    await user.click(await screen.findByRole('button', { name: 'Add phone number' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add phone number' });
    await user.type(within(dialog).getByLabelText('Number'), '(415) 555-0123');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText('Too many requests — trying again in 1 s'),
    ).toBeVisible();
    expect(within(dialog).getByLabelText('Number')).toHaveValue('(415) 555-0123');
    await waitFor(
      () => {
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      },
      { timeout: 5000 },
    );
    expect(posts).toBe(2);
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0123' })).toBeVisible();
  });

  it('does not sit out an hour: says how long to wait and gives the input back in the cell', async () => {
    server.use(phoneNumbersEndpoint(() => phoneNumberCollection(numbers())).handler);
    const writes = serveWrites(() => tooManyRequests(3600));
    const user = userEvent.setup();
    renderList();

    await user.dblClick(await extensionCell());
    await user.type(within(grid()).getByRole('textbox'), '42{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many requests. The server asks to wait 60 minutes; try again then.',
    );
    expect(within(grid()).getByRole('textbox')).toHaveValue('42');
    expect(writes).toHaveLength(1);
  });
});
