import { HttpResponse } from 'msw';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  pageLink,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import { currentUserEndpoint, userResource } from '@/features/users/testing/user-documents';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { SharedNumbersRoute } from './shared-numbers-route';

const ADA = userResource(1, 'Ada Admin', { role: 'admin' });
const RILEY = userResource(2, 'Riley Rep', { role: 'rep' });

const NAMES: Record<number, string> = {
  11: 'Olivia García',
  12: 'Benjamin Okafor',
  13: 'Chen Wei',
};
const prospects = (ids: readonly number[]) =>
  [...new Set(ids)].map((id) => ({
    type: 'prospect',
    id,
    attributes: { name: NAMES[id] ?? null },
  }));

/** Two pages by number: +1 303 555 0141 on 11 and 12 (the second one on the next page), then 13's. */
const FIRST = [
  phoneNumberResource(1, { number: '+13035550141' }, { prospectId: 11 }),
  phoneNumberResource(2, { number: '+13035550141', extension: '12' }, { prospectId: 12 }),
];
const SECOND = [
  phoneNumberResource(3, { number: '+13035550141' }, { prospectId: 13 }),
  phoneNumberResource(4, { number: '+442079460958' }, { prospectId: 11 }),
  phoneNumberResource(5, { number: '+442079460958' }, { prospectId: 12 }),
];

function renderPage(signedInAs = ADA) {
  const endpoint = phoneNumbersEndpoint((url) =>
    url.searchParams.get('page[after]') === 'p2'
      ? phoneNumberCollection(SECOND, { included: prospects([13, 11, 12]) })
      : phoneNumberCollection(FIRST, {
          included: prospects([11, 12]),
          links: { next: pageLink({ after: 'p2' }) },
        }),
  );
  server.use(currentUserEndpoint(signedInAs), endpoint.handler);
  return {
    ...renderRoute(<SharedNumbersRoute />, { path: '/shared-numbers', url: '/shared-numbers' }),
    endpoint,
  };
}

async function rowOf(shown: string) {
  const table = await screen.findByRole('table', { name: 'Shared numbers' });
  const row = within(table).getByRole('rowheader', { name: shown }).closest('tr');
  if (!row) throw new Error(`No row for ${shown}`);
  return row;
}

const linksIn = (row: HTMLElement) =>
  within(row)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);

describe('SharedNumbersRoute', () => {
  it('lists each shared number with links to its prospects, and reads more on Show more', async () => {
    const { user, endpoint } = renderPage();

    expect(linksIn(await rowOf('+1 303 555 0141'))).toEqual([
      ['Olivia García', '/prospects/11'],
      ['Benjamin Okafor', '/prospects/12'],
    ]);
    expect(await rowOf('+1 303 555 0141')).toHaveTextContent('(extension 12)');
    const [first] = endpoint.requests;
    expect(first?.searchParams.get('filter[shared]')).toBe('true');
    expect(first?.searchParams.get('sort')).toBe('number');

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    // The number's third holder, on the next page, joins its row.
    expect(linksIn(await rowOf('+44 20 7946 0958'))).toEqual([
      ['Olivia García', '/prospects/11'],
      ['Benjamin Okafor', '/prospects/12'],
    ]);
    expect(linksIn(await rowOf('+1 303 555 0141'))).toEqual([
      ['Olivia García', '/prospects/11'],
      ['Benjamin Okafor', '/prospects/12'],
      ['Chen Wei', '/prospects/13'],
    ]);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('says so when no number is shared', async () => {
    server.use(
      currentUserEndpoint(ADA),
      phoneNumbersEndpoint(() => phoneNumberCollection([])).handler,
    );
    renderRoute(<SharedNumbersRoute />, { path: '/shared-numbers', url: '/shared-numbers' });
    expect(await screen.findByText('No number is on more than one prospect.')).toBeVisible();
  });

  it('says why a failed load failed, with Retry', async () => {
    server.use(
      currentUserEndpoint(ADA),
      phoneNumbersEndpoint(() => new HttpResponse(null, { status: 500 })).handler,
    );
    renderRoute(<SharedNumbersRoute />, { path: '/shared-numbers', url: '/shared-numbers' });
    expect(await screen.findByText("Couldn't load the shared numbers")).toBeVisible();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('tells anyone but an admin that the list is for admins, and asks nothing', async () => {
    const { endpoint } = renderPage(RILEY);
    expect(await screen.findByText('Only admins can list shared numbers.')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    expect(endpoint.requests).toEqual([]);
  });
});
