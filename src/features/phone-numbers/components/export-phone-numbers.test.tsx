import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import {
  PHONE_NUMBERS_URL,
  pageLink,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberListPage } from '../testing/phone-number-list-page';
import { captureDownloads } from '@/testing/capture-downloads';

const FIRST_PAGE = [
  phoneNumberResource(1, { number: '+14155550101' }),
  phoneNumberResource(2, { number: '+14155550102', extension: '12' }),
];
const LAST_PAGE = [
  phoneNumberResource(3, { number: '+14155550103', phoneType: 'mobile', status: 'do_not_call' }),
];
const PROSPECT = [{ type: 'prospect', id: 1, attributes: { name: 'Olivia García' } }];

/** The grid's own pages: every number on one. */
const gridPage = () => phoneNumberCollection([...FIRST_PAGE, ...LAST_PAGE], { meta: { count: 3 } });

/**
 * The export's pages of the view (`page[size]=1000`): the first counted, with a link to the last;
 * `lastPage` answers the last, and may wait, or fail.
 */
function serveExport(lastPage: () => Response | undefined | Promise<Response | undefined>) {
  const endpoint = phoneNumbersEndpoint(async (url) => {
    if (url.searchParams.get('page[size]') !== '1000') return gridPage();
    if (url.searchParams.get('page[after]') === null) {
      return phoneNumberCollection(FIRST_PAGE, {
        included: PROSPECT,
        meta: { count: 3 },
        links: { next: pageLink({ after: 'second' }) },
      });
    }
    return (await lastPage()) ?? phoneNumberCollection(LAST_PAGE, { included: PROSPECT });
  });
  server.use(endpoint.handler);
  return endpoint.requests.filter.bind(endpoint.requests, (url) =>
    url.searchParams.has('page[size]', '1000'),
  );
}

/** A promise, and what settles it. */
function held() {
  let release: () => void = () => undefined;
  const promise = new Promise<undefined>((resolve) => {
    release = () => {
      resolve(undefined);
    };
  });
  return { promise, release };
}

const downloads = captureDownloads();
afterEach(() => {
  vi.useRealTimers();
});

function renderList() {
  return renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1&type=mobile,work',
  });
}

describe('Export CSV', () => {
  it('fetches every page of the view, shows its progress, then downloads the whole file', async () => {
    const last = held();
    const exportRequests = serveExport(() => last.promise);
    const { user } = renderList();

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export phone numbers' });
    expect(await within(dialog).findByText('Exporting 2 of 3 numbers…')).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute(
      'aria-valuenow',
      '67',
    );
    expect(downloads).toEqual([]);

    last.release();
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^phone-numbers-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
    // UTF-8's BOM, which text() would drop.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await downloads[0]!.blob.text()).split('\r\n');
    expect(lines).toEqual([
      'Prospect ID,Prospect name,Number,Type,Extension,Country,Status,Updated at',
      '1,Olivia García,+14155550101,work,,US,unverified,2026-08-02T09:37:00.000Z',
      '1,Olivia García,+14155550102,work,12,US,unverified,2026-08-02T09:37:00.000Z',
      '1,Olivia García,+14155550103,mobile,,US,do_not_call,2026-08-02T09:37:00.000Z',
      '',
    ]);
    // The grid's view (prospect, filters, sort), counted once, then the server's cursor.
    const [first, second] = exportRequests();
    expect(Object.fromEntries(first!.searchParams)).toMatchObject({
      'filter[prospect][id]': '1',
      'filter[phoneType]': 'mobile,work',
      sort: 'order',
      include: 'prospect',
      count: 'true',
    });
    expect(second!.searchParams.get('page[after]')).toBe('second');
    expect(second!.searchParams.get('filter[phoneType]')).toBe('mobile,work');
    expect(second!.searchParams.has('count')).toBe(false);
  });

  it('stops the requests and downloads nothing when the rep cancels', async () => {
    const last = held();
    let aborted: boolean | undefined;
    serveExport(() => last.promise);
    server.use(
      http.get(PHONE_NUMBERS_URL, async ({ request }) => {
        if (!new URL(request.url).searchParams.has('page[after]', 'second')) return undefined;
        await last.promise;
        aborted = request.signal.aborted;
        return undefined;
      }),
    );
    const { user } = renderList();

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export phone numbers' });
    await within(dialog).findByText('Exporting 2 of 3 numbers…');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    last.release();
    await waitFor(() => {
      expect(aborted).toBe(true);
    });
    expect(downloads).toEqual([]);
  });

  it('says why a page failed, keeps nothing, and starts again from the first page on Retry', async () => {
    let failing = true;
    const exportRequests = serveExport(() =>
      failing
        ? errorResponse(500, { id: 'internalServerError', title: 'Server error', detail: 'Boom.' })
        : undefined,
    );
    const { user } = renderList();

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export phone numbers' });
    expect(await within(dialog).findByText("Couldn't export the phone numbers")).toBeVisible();
    expect(within(dialog).getByText(/Nothing was downloaded\./)).toBeVisible();
    expect(downloads).toEqual([]);

    failing = false;
    await user.click(within(dialog).getByRole('button', { name: 'Retry' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(downloads).toHaveLength(1);
    expect((await downloads[0]!.blob.text()).split('\r\n')).toHaveLength(5);
    expect(exportRequests().map((url) => url.searchParams.get('page[after]'))).toEqual([
      null,
      'second',
      null,
      'second',
    ]);
  });

  it('waits out a 429 as long as the server asks, says so, and goes on', async () => {
    let refused = false;
    serveExport(() => {
      if (refused) return undefined;
      refused = true;
      const response = errorResponse(429, {
        id: 'rateLimitExceeded',
        title: 'Rate Limit Exceeded',
        detail: 'Too many requests for this token.',
      });
      response.headers.set('Retry-After', '1');
      return response;
    });
    const { user } = renderList();

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export phone numbers' });
    expect(
      await within(dialog).findByText(
        'Exporting 2 of 3 numbers… Too many requests — going on in 1 s.',
      ),
    ).toBeInTheDocument();
    await waitFor(
      () => {
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      },
      { timeout: 5000 },
    );
    expect(downloads).toHaveLength(1);
  });
});
