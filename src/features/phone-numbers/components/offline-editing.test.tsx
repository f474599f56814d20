import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberListPage } from '../testing/phone-number-list-page';

/** Whether closing the tab now would ask first. */
function closingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(() => {
  onlineManager.setOnline(true);
});

describe('PhoneNumberList offline', () => {
  it('shows an edit as waiting, asks before the tab closes, and sends it when the network is back', async () => {
    let stored = [phoneNumberResource(1, { number: '+14155550100' })];
    server.use(phoneNumbersEndpoint(() => phoneNumberCollection(stored)).handler);
    const writes: unknown[] = [];
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, async ({ request }) => {
        writes.push(await request.json());
        stored = [phoneNumberResource(1, { number: '+14155550100', extension: '42' })];
        return jsonApiResponse({ data: stored[0]! });
      }),
    );
    const user = userEvent.setup();
    renderRoute(<PhoneNumberListPage />, {
      path: '/phone-numbers',
      url: '/phone-numbers?prospect=1',
    });
    const grid = screen.getByRole('grid', { name: 'Phone numbers' });
    const row = (
      await within(grid).findByRole('link', { name: '+1 415 555 0100' })
    ).closest<HTMLElement>('[role="row"]')!;
    expect(closingAsks()).toBe(false);

    act(() => {
      onlineManager.setOnline(false);
    });
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await user.type(within(grid).getByRole('textbox'), '42{Enter}');

    expect(
      await screen.findByText(
        "1 change waiting for the network, not saved yet. It is sent when you're back online; keep this tab open until then.",
      ),
    ).toBeInTheDocument();
    expect(row).toHaveClass('phone-number-row--offline');
    expect(writes).toEqual([]);
    expect(closingAsks()).toBe(true);

    act(() => {
      onlineManager.setOnline(true);
    });
    await waitFor(() => {
      expect(writes).toHaveLength(1);
    });
    await waitFor(() => {
      expect(closingAsks()).toBe(false);
    });
    expect(screen.queryByText(/waiting for the network/)).not.toBeInTheDocument();
  });
});
