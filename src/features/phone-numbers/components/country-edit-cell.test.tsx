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

/** A Denver number (US only) and a toll-free one (valid in the US, Canada and the Caribbean). */
function serveNumbers() {
  const data = [
    phoneNumberResource(1, { number: '+13035550177', order: 0 }),
    phoneNumberResource(2, { number: '+18005550100', order: 1 }),
  ];
  server.use(phoneNumbersEndpoint(() => phoneNumberCollection(data)).handler);
  const writes: unknown[] = [];
  server.use(
    http.patch(`${PHONE_NUMBERS_URL}/:id`, async ({ request, params }) => {
      writes.push(await request.json());
      const index = data.findIndex((resource) => String(resource.id) === params.id);
      const saved = {
        ...data[index]!,
        attributes: { ...data[index]!.attributes, countryCode: 'CA' },
      };
      data[index] = saved;
      return jsonApiResponse({ data: saved });
    }),
  );
  return writes;
}

const grid = () => screen.getByRole('grid', { name: 'Phone numbers' });
const countryCellOf = async (shown: string) =>
  (await within(grid()).findByRole('link', { name: shown }))
    .closest<HTMLElement>('[role="row"]')!
    .querySelector<HTMLElement>('[role="gridcell"][data-field="countryCode"]')!;

function renderList() {
  return renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
  });
}

describe('PhoneNumberList: the Country cell', () => {
  it('searches as the rep types and saves nothing until a country is chosen', async () => {
    const writes = serveNumbers();
    const user = userEvent.setup();
    renderList();

    await user.dblClick(await countryCellOf('+1 303 555 0177'));
    const input = await within(grid()).findByRole('combobox', { name: 'Country' });
    await user.type(input, 'United ');
    expect(input).toHaveValue('United ');
    expect(screen.getByRole('option', { name: 'United Arab Emirates (AE)' })).toBeVisible();
    await user.type(input, 'Kingdom');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'United Kingdom (GB)',
    ]);
    expect(writes).toEqual([]);

    await user.keyboard('{Enter}');
    // The rules refuse a country the number contradicts, under the cell, before anything is sent.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is a US number, not a GB number',
    );
    expect(writes).toEqual([]);
  });

  it('saves the country picked with Enter when the number is valid there', async () => {
    const writes = serveNumbers();
    const user = userEvent.setup();
    renderList();

    await user.dblClick(await countryCellOf('+1 800 555 0100'));
    const input = await within(grid()).findByRole('combobox', { name: 'Country' });
    await user.type(input, 'Canada{Enter}');

    await waitFor(() => {
      expect(writes).toEqual([
        { data: { type: 'phoneNumber', id: 2, attributes: { countryCode: 'CA' } } },
      ]);
    });
    await waitFor(async () => {
      expect(await countryCellOf('+1 800 555 0100')).toHaveTextContent('Canada (CA)');
    });
  });
});
