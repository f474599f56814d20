import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
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
import { UNLISTED_VALUE_HINT } from '../utils/phone-number-labels';
import { cellOf, grid, rowOf } from '../testing/grid-queries';

/** The dialog's code loads on first use. */
const LAZY = { timeout: 10_000 };

/** A number as Outreach may hold it: a type and a status that are none of this app's. */
const OUTREACH_VALUES = { phoneType: 'fax', status: 'pending' };

function serveNumbers() {
  const endpoint = phoneNumbersEndpoint(() =>
    phoneNumberCollection([
      phoneNumberResource(1, { number: '+14155550100', order: 0, ...OUTREACH_VALUES }),
      phoneNumberResource(2, { number: '+14155550101', order: 1, phoneType: 'mobile' }),
    ]),
  );
  server.use(endpoint.handler);
  return endpoint;
}

/** Every PATCH body, each answered with number 1 as `saved` leaves it. */
function servePatches(saved: Parameters<typeof phoneNumberResource>[1] = {}) {
  const bodies: unknown[] = [];
  server.use(
    http.patch(`${PHONE_NUMBERS_URL}/:id`, async ({ request }) => {
      bodies.push(await request.json());
      return jsonApiResponse({
        data: phoneNumberResource(1, { number: '+14155550100', ...OUTREACH_VALUES, ...saved }),
      });
    }),
  );
  return bodies;
}

function renderList() {
  return renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
  });
}

describe("PhoneNumberList: a type and a status of another API's", () => {
  it('shows them as they came, says they are kept, and sorts with them on the server', async () => {
    const endpoint = serveNumbers();
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    expect(cellOf(row, 'phoneType')).toHaveTextContent(/^fax$/);
    expect(cellOf(row, 'status')).toHaveTextContent(/^pending$/);
    const type = within(cellOf(row, 'phoneType')).getByText('fax');
    await user.hover(type);
    await waitFor(() => {
      expect(type).toHaveAccessibleDescription(UNLISTED_VALUE_HINT);
    });
    await user.unhover(type);
    const status = within(cellOf(row, 'status'))
      .getByText('pending')
      .closest<HTMLElement>('.MuiChip-root')!;
    await user.hover(status);
    await waitFor(() => {
      expect(status).toHaveAccessibleDescription(UNLISTED_VALUE_HINT);
    });
    // One of this app's types is labelled, without the hint.
    expect(cellOf(await rowOf('+1 415 555 0101'), 'phoneType')).toHaveTextContent(/^Mobile$/);

    await user.click(within(grid()).getByRole('columnheader', { name: /^Type/ }));
    await waitFor(() => {
      expect(endpoint.requests.at(-1)?.searchParams.get('sort')).toBe('phoneType');
    });
    expect(cellOf(await rowOf('+1 415 555 0100'), 'phoneType')).toHaveTextContent(/^fax$/);
  });

  it.each([
    ['phoneType', 'fax'],
    ['status', 'pending'],
  ])(
    'opens the %s editor on the value the number has, and sends nothing when it is kept',
    async (field, value) => {
      serveNumbers();
      const patches = servePatches();
      const user = userEvent.setup();
      renderList();

      const row = await rowOf('+1 415 555 0100');
      await user.dblClick(cellOf(row, field));
      expect(await screen.findByRole('option', { name: value })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await user.keyboard('{Escape}');
      await waitFor(() => {
        expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
      });
      expect(cellOf(await rowOf('+1 415 555 0100'), field)).toHaveTextContent(value);

      // Chosen again, then the cell left: the grid commits the value, unchanged.
      await user.dblClick(cellOf(await rowOf('+1 415 555 0100'), field));
      await user.click(await screen.findByRole('option', { name: value }));
      await user.click(document.querySelector<HTMLElement>('.MuiBackdrop-root')!);
      await waitFor(() => {
        expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
      });
      expect(cellOf(await rowOf('+1 415 555 0100'), field)).toHaveTextContent(value);
      expect(patches).toEqual([]);
    },
  );

  it('replaces one when the rep chooses a value of this app', async () => {
    serveNumbers();
    const patches = servePatches({ status: 'verified' });
    const user = userEvent.setup();
    renderList();

    await user.dblClick(cellOf(await rowOf('+1 415 555 0100'), 'status'));
    await user.click(await screen.findByRole('option', { name: 'Verified' }));

    await waitFor(() => {
      expect(patches).toHaveLength(1);
    });
    expect(patches[0]).toEqual({
      data: { type: 'phoneNumber', id: 1, attributes: { status: 'verified' } },
    });
  });

  it('saves another cell of the row without them', async () => {
    serveNumbers();
    const patches = servePatches({ extension: '42' });
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'extension'));
    await user.type(await within(row).findByRole('textbox'), '42{Enter}');

    await waitFor(() => {
      expect(patches).toHaveLength(1);
    });
    expect(patches[0]).toEqual({
      data: { type: 'phoneNumber', id: 1, attributes: { extension: '42' } },
    });
    const saved = await rowOf('+1 415 555 0100');
    expect(cellOf(saved, 'phoneType')).toHaveTextContent(/^fax$/);
    expect(cellOf(saved, 'status')).toHaveTextContent(/^pending$/);
  });

  it('keeps them through the Edit dialog, which sends only what the rep changed', async () => {
    serveNumbers();
    const patches = servePatches({ number: '+14155550199', rawNumber: '(415) 555-0199' });
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.click(within(row).getByRole('button', { name: 'Edit +1 415 555 0100' }));
    const form = await screen.findByRole('dialog', { name: 'Edit phone number' }, LAZY);
    expect(within(form).getByRole('combobox', { name: 'Type' })).toHaveTextContent('fax');
    await user.clear(within(form).getByLabelText('Number'));
    await user.type(within(form).getByLabelText('Number'), '(415) 555-0199');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => {
      expect(patches).toHaveLength(1);
    });
    expect(patches[0]).toEqual({
      data: {
        type: 'phoneNumber',
        id: 1,
        attributes: { number: '+14155550199', rawNumber: '(415) 555-0199' },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Phone number saved');
  }, 30_000);
});
