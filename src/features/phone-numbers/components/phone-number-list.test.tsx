import { onlineManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { usePhoneNumberListState } from '../hooks/use-phone-number-list-state';
import {
  pageLink,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberList } from './phone-number-list';

function PhoneNumberListPage() {
  const [state, setState] = usePhoneNumberListState();
  return <PhoneNumberList state={state} onStateChange={setState} />;
}

function renderList(url = '/phone-numbers') {
  return renderRoute(<PhoneNumberListPage />, { path: '/phone-numbers', url });
}

const grid = () => screen.getByRole('grid', { name: 'Phone numbers' });
/** The data rows, without the header row. */
const dataRows = () => within(grid()).getAllByRole('row').slice(1);
const pages = () => screen.getByRole('navigation', { name: 'Phone number pages' });
/** Not the column of the selection checkboxes, which has no text. */
const isDataColumn = (cell: HTMLElement) => cell.dataset.field !== '__check__';
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('gridcell')
    .filter(isDataColumn)
    .map((cell) => cell.textContent);
const search = (router: ReturnType<typeof renderList>['router']) => router.state.location.search;

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  onlineManager.setOnline(true);
});

describe('PhoneNumberList: loading and showing', () => {
  it('shows skeleton rows in a busy grid until the numbers arrive', async () => {
    let answer: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const endpoint = phoneNumbersEndpoint(async () => {
      await arrived;
      return phoneNumberCollection([phoneNumberResource(1)], { meta: { count: 1 } });
    });
    server.use(endpoint.handler);

    renderList();

    expect(grid()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading phone numbers…');
    expect(within(grid()).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeDisabled();
    expect(pages()).not.toHaveTextContent(/ of /);

    answer();

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0100' })).toBeVisible();
    expect(grid()).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('status')).toHaveTextContent('1 phone number');
  });

  it("shows a stored value's invisible direction and zero-width characters as marks, left to right", async () => {
    // As another client or Outreach may have stored it: the override would show the extension as "98".
    const endpoint = phoneNumbersEndpoint(() =>
      phoneNumberCollection([
        phoneNumberResource(1, { number: '+14155550100', extension: '\u202E89\u200B' }),
      ]),
    );
    server.use(endpoint.handler);
    renderList();

    const number = await within(grid()).findByRole('link', {
      name: '+1 415 555 0100 ext. \uFFFD89\uFFFD',
    });
    expect(number).toHaveAttribute('dir', 'ltr');
    expect(number).toHaveAttribute('href', 'tel:+14155550100;ext=89');
    expect(cellTexts(dataRows()[0]!)).toContain('\uFFFD89\uFFFD');
  });

  it('shows each column formatted: a dialable number, labels, the region, a chip and a relative time', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * DAY).toISOString();
    const endpoint = phoneNumbersEndpoint(() =>
      phoneNumberCollection(
        [
          phoneNumberResource(
            1,
            {
              number: '+493012345678',
              extension: '12',
              countryCode: 'DE',
              phoneType: 'mobile',
              status: 'verified',
              order: 1234,
              updatedAt: threeDaysAgo,
            },
            { prospectId: 7 },
          ),
          phoneNumberResource(
            2,
            {
              phoneType: 'fax',
              status: 'bad_number',
              countryCode: null,
              updatedAt: '2026-08-02T12:00:00.000Z',
            },
            { prospectId: 8 },
          ),
        ],
        {
          included: [{ type: 'prospect', id: 7, attributes: { name: 'Olivia García' } }],
          meta: { count: 2 },
        },
      ),
    );
    server.use(endpoint.handler);
    const { user } = renderList();

    const number = await within(grid()).findByRole('link', { name: '+49 30 12345678 ext. 12' });
    expect(number).toHaveAttribute('href', 'tel:+493012345678;ext=12');
    const [first, second] = dataRows();
    expect(cellTexts(first!)).toEqual([
      '+49 30 12345678 ext. 12',
      'Mobile',
      '12',
      'Germany (DE)',
      'Verified',
      '1,234',
      '3 days ago',
      'Olivia García',
      '',
    ]);
    expect(within(first!).getByRole('link', { name: 'Olivia García' })).toHaveAttribute(
      'href',
      '/prospects/7',
    );
    // Values another API may send are shown as they come; a prospect without a name by its id.
    expect(cellTexts(second!)).toEqual(
      expect.arrayContaining(['fax', '—', 'bad_number', 'Prospect 8']),
    );

    const updated = within(first!).getByRole('time');
    expect(updated).toHaveAttribute('datetime', threeDaysAgo);
    await user.hover(within(second!).getByRole('time'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/^Aug 2, 2026, .*:00:00/);
  });

  it('asks for one page of all numbers, latest change first, with counts, permissions and prospect names', async () => {
    const endpoint = phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)]));
    server.use(endpoint.handler);
    renderList();

    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });
    expect(Object.fromEntries(endpoint.requests[0]!.searchParams)).toEqual({
      sort: '-updatedAt',
      'page[size]': '50',
      count: 'true',
      provideAuthorizationMeta: 'true',
      include: 'prospect',
      'fields[prospect]': 'name,callsOptStatus',
    });
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .filter(isDataColumn)
        .map((header) => header.textContent),
    ).toEqual([
      'Number',
      'Type',
      'Extension',
      'Country',
      'Status',
      'Order',
      'Updated',
      'Prospect',
      'Actions',
    ]);
  });

  it('narrowed to one prospect, asks for its numbers in order and leaves out the Prospect column', async () => {
    const endpoint = phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)]));
    server.use(endpoint.handler);
    renderList('/phone-numbers?prospect=3&type=mobile,home&status=verified&size=25');

    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });
    expect(Object.fromEntries(endpoint.requests[0]!.searchParams)).toEqual({
      sort: 'order',
      'page[size]': '25',
      count: 'true',
      provideAuthorizationMeta: 'true',
      include: 'prospect',
      'fields[prospect]': 'name,callsOptStatus',
      'filter[prospect][id]': '3',
      'filter[phoneType]': 'mobile,home',
      'filter[status]': 'verified',
    });
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .filter(isDataColumn)
        .map((header) => header.textContent),
    ).toEqual(['Number', 'Type', 'Extension', 'Country', 'Status', 'Order', 'Updated', 'Actions']);
  });
});

describe('PhoneNumberList: empty, failed and offline', () => {
  it('says a prospect has no numbers yet', async () => {
    server.use(
      phoneNumbersEndpoint(() => phoneNumberCollection([], { meta: { count: 0 } })).handler,
    );
    renderList('/phone-numbers?prospect=3');

    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'No phone numbers for this prospect yet',
      );
    });
    // The grid draws its overlay a moment after the list knows (a frame later under load).
    await waitFor(() => {
      expect(grid()).toHaveTextContent('No phone numbers for this prospect yet');
    });
    expect(dataRows()).toHaveLength(0);
  });

  it('says when no numbers match the filters, or there are none at all', async () => {
    server.use(
      phoneNumbersEndpoint(() => phoneNumberCollection([], { meta: { count: 0 } })).handler,
    );
    const { router } = renderList('/phone-numbers?status=invalid');

    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('No phone numbers match these filters');
    });
    await act(() => router.navigate('/phone-numbers'));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('There are no phone numbers yet');
    });
  });

  it("shows a failed load in place of the rows with the server's message, and loads again on Retry", async () => {
    let calls = 0;
    const endpoint = phoneNumbersEndpoint(() => {
      calls += 1;
      return calls === 1
        ? errorResponse(500, {
            id: 'internalServerError',
            title: 'Internal Server Error',
            detail: 'The database is not answering.',
          })
        : phoneNumberCollection([phoneNumberResource(1)]);
    });
    server.use(endpoint.handler);
    const { user } = renderList();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load phone numbers");
    expect(alert).toHaveTextContent('The database is not answering.');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0100' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['unauthorizedOauthScope', "Your sign-in doesn't include permission to read phone numbers."],
    ['unauthorizedRequest', "You're not allowed to see these phone numbers."],
  ])('explains a 403 %s in words', async (id, explanation) => {
    server.use(
      phoneNumbersEndpoint(() =>
        errorResponse(403, { id, title: 'Forbidden', detail: 'Missing scope phoneNumbers.read' }),
      ).handler,
    );
    renderList();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(explanation);
    expect(alert).not.toHaveTextContent('Missing scope');
  });

  it('keeps the last rows when the connection goes, says so, and refreshes when it is back', async () => {
    let calls = 0;
    const endpoint = phoneNumbersEndpoint(() => {
      calls += 1;
      return phoneNumberCollection([
        phoneNumberResource(1, { number: calls === 1 ? '+14155550100' : '+14155550199' }),
      ]);
    });
    server.use(endpoint.handler);
    renderList();
    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });

    act(() => {
      window.dispatchEvent(new Event('offline'));
    });

    expect(await screen.findByRole('alert')).toHaveTextContent("You're offline");
    expect(within(grid()).getByRole('link', { name: '+1 415 555 0100' })).toBeVisible();

    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0199' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('PhoneNumberList: a refresh that fails', () => {
  it('keeps the rows it has, says the refresh failed, and tries again on Retry', async () => {
    let calls = 0;
    const endpoint = phoneNumbersEndpoint(() => {
      calls += 1;
      if (calls === 2) {
        return errorResponse(503, {
          id: 'serviceUnavailable',
          title: 'Service Unavailable',
          detail: 'The server is restarting.',
        });
      }
      return phoneNumberCollection([
        phoneNumberResource(1, { number: calls === 1 ? '+14155550100' : '+14155550199' }),
      ]);
    });
    server.use(endpoint.handler);
    const { user } = renderList();
    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });

    // Coming back online refetches; this time the server fails.
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't refresh the phone numbers");
    expect(alert).toHaveTextContent('The server is restarting.');
    expect(within(grid()).getByRole('link', { name: '+1 415 555 0100' })).toBeVisible();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0199' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('PhoneNumberList: sorting and pages', () => {
  it('sorts on the server when a sortable column header is clicked, and not by the others', async () => {
    const endpoint = phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)]));
    server.use(endpoint.handler);
    const { user, router } = renderList();
    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });
    // A sorted column's header is also named by its "Sort" icon.
    const header = (name: string) =>
      within(grid()).getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('Updated')).toHaveAttribute('aria-sort', 'descending');

    await user.click(header('Number'));
    await waitFor(() => {
      expect(search(router)).toBe('?sort=number');
    });
    expect(header('Number')).toHaveAttribute('aria-sort', 'ascending');
    await user.click(header('Number'));
    await waitFor(() => {
      expect(search(router)).toBe('?sort=-number');
    });
    await waitFor(() => {
      expect(endpoint.requests.map((url) => url.searchParams.get('sort'))).toEqual([
        '-updatedAt',
        'number',
        '-number',
      ]);
    });

    await user.click(header('Extension'));
    await user.click(header('Country'));
    expect(search(router)).toBe('?sort=-number');
    expect(header('Extension')).toHaveAttribute('aria-sort', 'none');
  });

  it('on a phone, sorts the list with "Sort by", in the URL as the grid does', async () => {
    const width = window.innerWidth;
    window.innerWidth = 390;
    try {
      const endpoint = phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)]));
      server.use(endpoint.handler);
      const { user, router } = renderList('/phone-numbers?prospect=7');
      const list = await screen.findByRole('list', { name: 'Phone numbers' });
      await within(list).findByRole('link', { name: '+1 415 555 0100' });
      const sortBy = screen.getByRole('combobox', { name: 'Sort by' });
      expect(sortBy).toHaveTextContent('Order, first to last');

      await user.click(sortBy);
      await user.click(screen.getByRole('option', { name: 'Updated, newest first' }));
      await waitFor(() => {
        expect(search(router)).toBe('?prospect=7&sort=-updatedAt');
      });
      expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveTextContent(
        'Updated, newest first',
      );
      await waitFor(() => {
        expect(endpoint.requests.map((url) => url.searchParams.get('sort'))).toEqual([
          'order',
          '-updatedAt',
        ]);
      });
    } finally {
      window.innerWidth = width;
    }
  });

  it("goes to the next and previous pages with the server's cursors, and says where it is", async () => {
    const rows = (first: number) =>
      Array.from({ length: 25 }, (_, index) =>
        phoneNumberResource(first + index, {
          number: `+1415555${String(first + index).padStart(4, '0')}`,
        }),
      );
    const endpoint = phoneNumbersEndpoint((url) => {
      const after = url.searchParams.get('page[after]');
      const before = url.searchParams.get('page[before]');
      if (after === 'after-25') {
        return phoneNumberCollection(rows(26), {
          links: { prev: pageLink({ before: 'before-26' }), next: pageLink({ after: 'after-50' }) },
          meta: { count: 60 },
        });
      }
      if (after === 'after-50') {
        return phoneNumberCollection(rows(51).slice(0, 10), {
          links: { prev: pageLink({ before: 'before-51' }) },
          meta: { count: 60 },
        });
      }
      if (before === 'before-51') {
        return phoneNumberCollection(rows(26), {
          links: { prev: pageLink({ before: 'before-26' }), next: pageLink({ after: 'after-50' }) },
          meta: { count: 60 },
        });
      }
      return phoneNumberCollection(rows(1), {
        links: { next: pageLink({ after: 'after-25' }) },
        meta: { count: 60 },
      });
    });
    server.use(endpoint.handler);
    const { user, router } = renderList('/phone-numbers?size=25');
    await within(grid()).findByRole('link', { name: '+1 415 555 0001' });
    const next = () => screen.getByRole('button', { name: 'Go to next page' });
    const previous = () => screen.getByRole('button', { name: 'Go to previous page' });
    expect(pages()).toHaveTextContent('1–25 of 60');
    expect(previous()).toBeDisabled();
    // The next page is fetched ahead, with the cursor of links.next.
    await waitFor(() => {
      expect(endpoint.requests.map((url) => url.searchParams.get('page[after]'))).toContain(
        'after-25',
      );
    });

    await user.click(next());
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0026' })).toBeVisible();
    expect(search(router)).toBe('?size=25&page=2&after=after-25');
    expect(pages()).toHaveTextContent('26–50 of 60');

    await user.click(next());
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0051' })).toBeVisible();
    expect(search(router)).toBe('?size=25&page=3&after=after-50');
    expect(pages()).toHaveTextContent('51–60 of 60');
    expect(next()).toBeDisabled();

    await user.click(previous());
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0026' })).toBeVisible();
    expect(search(router)).toBe('?size=25&page=2&before=before-51');

    await user.click(previous());
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0001' })).toBeVisible();
    expect(search(router)).toBe('?size=25');

    const cursors = endpoint.requests.map(
      (url) => url.searchParams.get('page[after]') ?? url.searchParams.get('page[before]'),
    );
    expect(new Set(cursors)).toEqual(new Set([null, 'after-25', 'after-50', 'before-51']));
    // 25 rows with all their columns, four pages over: slow under jsdom, 15 s with the end-to-end tests
    // running beside it on 2 cores.
  }, 40_000);

  it('starts again from the first page when the page size changes', async () => {
    const endpoint = phoneNumbersEndpoint((url) =>
      phoneNumberCollection([phoneNumberResource(url.searchParams.has('page[after]') ? 2 : 1)], {
        links: { next: pageLink({ after: 'after-1' }) },
      }),
    );
    server.use(endpoint.handler);
    const { user, router } = renderList('/phone-numbers?page=2&after=after-1');
    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });

    // jsdom applies the grid's small-screen rule that hides this select; a browser at desktop width shows it.
    await user.click(screen.getByRole('combobox', { name: 'Rows per page:', hidden: true }));
    await user.click(screen.getByRole('option', { name: '100' }));

    await waitFor(() => {
      expect(search(router)).toBe('?size=100');
    });
    await waitFor(() => {
      expect(
        endpoint.requests.some(
          (url) =>
            url.searchParams.get('page[size]') === '100' && !url.searchParams.has('page[after]'),
        ),
      ).toBe(true);
    });
  });

  it('drops back to the first page when the server refuses a cursor', async () => {
    const endpoint = phoneNumbersEndpoint((url) =>
      url.searchParams.has('page[after]')
        ? errorResponse(400, {
            id: 'badRequest',
            title: 'Bad Request',
            detail: 'page[after] is not a cursor this server gave out for this sort.',
            source: { parameter: 'page[after]' },
          })
        : phoneNumberCollection([phoneNumberResource(1)]),
    );
    server.use(endpoint.handler);
    const { router } = renderList('/phone-numbers?sort=number&page=4&after=stale');

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0100' })).toBeVisible();
    expect(search(router)).toBe('?sort=number');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('restores each view on back and forward', async () => {
    const endpoint = phoneNumbersEndpoint((url) =>
      phoneNumberCollection([
        phoneNumberResource(1, {
          number: url.searchParams.get('sort') === 'number' ? '+14155550111' : '+14155550100',
        }),
      ]),
    );
    server.use(endpoint.handler);
    const { user, router } = renderList();
    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });
    await user.click(within(grid()).getByRole('columnheader', { name: /^Number/ }));
    await within(grid()).findByRole('link', { name: '+1 415 555 0111' });

    await act(() => router.navigate(-1));
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0100' })).toBeVisible();
    expect(within(grid()).getByRole('columnheader', { name: /^Updated/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    await act(() => router.navigate(1));
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0111' })).toBeVisible();
  });

  it('replaces a URL with bad parameters by the view it falls back to', async () => {
    server.use(phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)])).handler);
    const { router } = renderList(
      '/phone-numbers?prospect=abc&sort=rawNumber&size=7&type=fax,,mobile&page=9',
    );

    await within(grid()).findByRole('link', { name: '+1 415 555 0100' });
    // A type of another API's ("fax") is kept for the server to filter on (decision 0047).
    expect(search(router)).toBe('?type=mobile,fax');
    expect(router.state.historyAction).toBe('REPLACE');
  });
});
