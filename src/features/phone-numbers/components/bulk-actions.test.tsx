import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import {
  PHONE_NUMBERS_URL,
  pageLink,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import type { PhoneNumberCollectionDocument } from '../schemas/phone-number';
import { PhoneNumberListPage } from '../testing/phone-number-list-page';
import { grid, rowOf } from '../testing/grid-queries';
import { captureDownloads } from '@/testing/capture-downloads';

const SAM_OWNS = 'Sam Rep owns this prospect. Ask Sam Rep or an admin to change its numbers.';

/** Numbers +1 415 555 0101 … of the ids given, the rep's to change; `refused` are Sam's. */
function resources(ids: readonly number[], refused: readonly number[] = []) {
  return ids.map((id) => {
    const resource = phoneNumberResource(
      id,
      { number: `+1415555${String(100 + id).padStart(4, '0')}`, order: id },
      {
        canWrite: !refused.includes(id),
        canDelete: !refused.includes(id),
        etag: `W/"${id}-1"`,
      },
    );
    if (refused.includes(id)) resource.meta = { ...resource.meta, writeRefusal: SAM_OWNS };
    return resource;
  });
}

const shown = (id: number) => `+1 415 555 ${String(100 + id).padStart(4, '0')}`;

function serveNumbers(data: ReturnType<typeof resources>) {
  const endpoint = phoneNumbersEndpoint(() =>
    phoneNumberCollection(data, { meta: { count: data.length } }),
  );
  server.use(endpoint.handler);
  return endpoint;
}

interface Write {
  method: string;
  id: number;
  ifMatch: string | null;
  body: unknown;
}

/** PATCH and DELETE of any number, answered by `respond`; every write is kept, in order. */
function serveWrites(respond: (write: Write) => Response | Promise<Response>) {
  const writes: Write[] = [];
  const handle = async (method: string, request: Request, id: number) => {
    const write = {
      method,
      id,
      ifMatch: request.headers.get('If-Match'),
      body: method === 'PATCH' ? await request.json() : undefined,
    };
    writes.push(write);
    return respond(write);
  };
  server.use(
    http.patch(`${PHONE_NUMBERS_URL}/:id`, ({ request, params }) =>
      handle('PATCH', request, Number(params.id)),
    ),
    http.delete(`${PHONE_NUMBERS_URL}/:id`, ({ request, params }) =>
      handle('DELETE', request, Number(params.id)),
    ),
  );
  return writes;
}

/** The server's answer to a PATCH of a number: the number with the attributes sent. */
function saved({ id, body }: Write) {
  const attributes =
    typeof body === 'object' && body !== null && 'data' in body
      ? (body.data as { attributes: Record<string, string> }).attributes
      : {};
  const [resource] = resources([id]);
  return jsonApiResponse({
    data: { ...resource, attributes: { ...resource!.attributes, ...attributes } },
  });
}

function renderList() {
  return renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
  });
}

/** The bar of the selection's actions, once its chunk (loaded with a first selection) is in. */
const bulkBar = () =>
  screen.findByRole('toolbar', { name: 'Selected phone numbers' }, { timeout: 5000 });

const checkboxOf = async (id: number) =>
  within(await rowOf(shown(id))).getByRole('checkbox', { name: `Select ${shown(id)}` });

describe('Selecting rows', () => {
  it('disables the checkbox of a row the rep may not change, and says why', async () => {
    serveNumbers(resources([1, 2], [2]));
    const { user } = renderList();

    const refused = await checkboxOf(2);
    expect(refused).toBeDisabled();
    expect(refused).toHaveAccessibleDescription(SAM_OWNS);
    const allowed = await checkboxOf(1);
    expect(allowed).toBeEnabled();
    expect(allowed).not.toHaveAccessibleDescription();

    await user.click(allowed);
    const bar = await bulkBar();
    expect(bar).toHaveTextContent('1 selected');
    await user.click(within(bar).getByRole('button', { name: 'Clear' }));
    expect(allowed).not.toBeChecked();
    expect(screen.queryByRole('toolbar', { name: 'Selected phone numbers' })).toBeNull();
  });
});

describe('Changing the status of the selection', () => {
  it('changes only the status of each row, reports the row the server refused, and keeps it selected', async () => {
    serveNumbers(resources([1, 2, 3, 4]));
    const writes = serveWrites((write) =>
      write.id === 2
        ? errorResponse(403, { id: 'unauthorizedRequest', title: 'Forbidden', detail: 'No.' })
        : saved(write),
    );
    const { user } = renderList();

    for (const id of [1, 2, 3]) await user.click(await checkboxOf(id));
    const bar = await bulkBar();
    expect(bar).toHaveTextContent('3 selected');
    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Verified' }));

    expect(
      await screen.findByText('Changed 2. 1 failed:', undefined, { timeout: 3000 }),
    ).toBeVisible();
    expect(
      screen.getByText(/You no longer have permission to change this prospect's phone numbers/),
    ).toHaveTextContent(
      `${shown(2)}: You no longer have permission to change this prospect's phone numbers.`,
    );
    // One PATCH a selected row (none of the row not selected), of the status alone, from the version
    // the row was read at.
    expect(writes.map(({ method, id }) => `${method} ${id}`).sort()).toEqual([
      'PATCH 1',
      'PATCH 2',
      'PATCH 3',
    ]);
    for (const write of writes) {
      expect(write.body).toEqual({
        data: { type: 'phoneNumber', id: write.id, attributes: { status: 'verified' } },
      });
      expect(write.ifMatch).toBe(`W/"${write.id}-1"`);
    }
    expect(screen.getByText('Status of 2 phone numbers changed to Verified')).toBeVisible();
    expect(bar).toHaveTextContent('1 selected');
    expect(await checkboxOf(2)).toBeChecked();
    expect(await checkboxOf(1)).not.toBeChecked();
  });

  it('never has more than 4 requests under way, and shows how far it is', async () => {
    const ids = Array.from({ length: 10 }, (_, index) => index + 1);
    serveNumbers(resources(ids));
    let underWay = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    serveWrites(async (write) => {
      underWay += 1;
      most = Math.max(most, underWay);
      await gate;
      await new Promise((resolve) => setTimeout(resolve, 5));
      underWay -= 1;
      return saved(write);
    });
    const { user } = renderList();

    await rowOf(shown(1));
    await user.click(within(grid()).getByRole('checkbox', { name: 'Select all rows' }));
    const bar = await bulkBar();
    expect(bar).toHaveTextContent('10 selected');
    await user.click(within(bar).getByRole('button', { name: 'Change type' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Mobile' }));

    expect(await screen.findByText('Changing 0 of 10…')).toBeVisible();
    expect(screen.getByRole('progressbar', { name: 'Bulk change progress' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    await waitFor(() => {
      expect(underWay).toBe(4);
    });
    release();
    expect(
      await screen.findByText('Type of 10 phone numbers changed to Mobile', undefined, {
        timeout: 3000,
      }),
    ).toBeVisible();
    expect(most).toBe(4);
  });
});

describe('Deleting the selection', () => {
  it('asks once, removes every row at once, and one Undo brings them all back unsent', async () => {
    serveNumbers(resources([1, 2, 3]));
    const writes = serveWrites(() => new Response(null, { status: 204 }));
    const { user } = renderList();

    await user.click(await checkboxOf(1));
    await user.click(await checkboxOf(3));
    const bar = await bulkBar();
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 phone numbers?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => {
      expect(within(grid()).queryByRole('link', { name: shown(1) })).toBeNull();
    });
    expect(within(grid()).queryByRole('link', { name: shown(3) })).toBeNull();
    expect(within(grid()).getByRole('link', { name: shown(2) })).toBeVisible();
    const snackbar = screen.getByRole('alert');
    expect(snackbar).toHaveTextContent('2 phone numbers deleted');
    await user.click(within(snackbar).getByRole('button', { name: 'Undo' }));

    expect(await within(grid()).findByRole('link', { name: shown(1) })).toBeVisible();
    expect(within(grid()).getByRole('link', { name: shown(3) })).toBeVisible();
    expect(writes).toEqual([]);
  });
});

describe('Changing to the value the rows have', () => {
  it('sends nothing and says so', async () => {
    serveNumbers(resources([1, 2]));
    const writes = serveWrites(saved);
    const { user } = renderList();

    await user.click(await checkboxOf(1));
    await user.click(await checkboxOf(2));
    const bar = await bulkBar();
    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Unverified' }));

    expect(
      await screen.findByText('The status of each selected number is Unverified already'),
    ).toBeVisible();
    expect(writes).toEqual([]);
  });
});

describe('Undoing a bulk change', () => {
  it('sends each changed row its old status back, and only that', async () => {
    serveNumbers(resources([1, 2]));
    const writes = serveWrites(saved);
    const { user } = renderList();

    await user.click(await checkboxOf(1));
    await user.click(await checkboxOf(2));
    const bar = await bulkBar();
    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Do not call' }));
    const snackbar = await screen.findByText('Status of 2 phone numbers changed to Do not call');
    await user.click(
      within(snackbar.closest<HTMLElement>('[role="alert"]')!).getByRole('button', {
        name: 'Undo',
      }),
    );

    await waitFor(() => {
      expect(writes).toHaveLength(4);
    });
    expect(
      writes
        .slice(2)
        .map(({ id, body }) => [id, body])
        .sort(),
    ).toEqual([
      [1, { data: { type: 'phoneNumber', id: 1, attributes: { status: 'unverified' } } }],
      [2, { data: { type: 'phoneNumber', id: 2, attributes: { status: 'unverified' } } }],
    ]);
  });
});

/**
 * A view of five numbers, which the server counts: the grid reads them 2 and 3 a page; "Select all
 * matching" reads them 1,000 a page, here 3 and then what `secondBulkPage` answers.
 */
function serveFiveNumbers(
  all: ReturnType<typeof resources>,
  secondBulkPage: () => PhoneNumberCollectionDocument | Promise<never>,
) {
  const endpoint = phoneNumbersEndpoint((url) => {
    const after = url.searchParams.get('page[after]');
    if (url.searchParams.get('page[size]') === '1000') {
      return after === null
        ? phoneNumberCollection(all.slice(0, 3), {
            meta: { count: 5 },
            links: { next: pageLink({ after: 'bulk-2' }) },
          })
        : secondBulkPage();
    }
    return after === null
      ? phoneNumberCollection(all.slice(0, 2), {
          meta: { count: 5 },
          links: { next: pageLink({ after: 'grid-2' }) },
        })
      : phoneNumberCollection(all.slice(2), { meta: { count: 5 } });
  });
  server.use(endpoint.handler);
  return endpoint;
}

describe('Selecting every number of the view', () => {
  it('offers all the numbers the server counted, changes those the rep may, and reports the others', async () => {
    const all = resources([1, 2, 3, 4, 5], [5]);
    const endpoint = serveFiveNumbers(all, () => phoneNumberCollection(all.slice(3)));
    const writes = serveWrites(saved);
    const { user } = renderList();

    await rowOf(shown(1));
    await user.click(within(grid()).getByRole('checkbox', { name: 'Select all rows' }));
    const bar = await bulkBar();
    expect(bar).toHaveTextContent('2 selected');
    await user.click(within(bar).getByRole('button', { name: 'Select all 5 matching' }));
    expect(bar).toHaveTextContent('All 5 selected');
    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Verified' }));

    expect(
      await screen.findByText('Changed 4. 1 failed:', undefined, { timeout: 3000 }),
    ).toBeVisible();
    expect(screen.getByText(new RegExp(SAM_OWNS))).toHaveTextContent(`${shown(5)}: ${SAM_OWNS}`);
    expect(writes.map(({ id }) => id).sort()).toEqual([1, 2, 3, 4]);
    // The view's numbers, with what the rep may do with each, page after page.
    const bulkReads = endpoint.requests.filter((url) => url.searchParams.has('page[size]', '1000'));
    expect(bulkReads.map((url) => url.searchParams.get('page[after]'))).toEqual([null, 'bulk-2']);
    expect(bulkReads[0]!.searchParams.get('filter[prospect][id]')).toBe('1');
    expect(bulkReads[0]!.searchParams.get('provideAuthorizationMeta')).toBe('true');
  });
});

describe('Cancelling while the matching numbers are found', () => {
  it('stops finding, changes nothing, keeps the selection, and says so', async () => {
    const all = resources([1, 2, 3, 4, 5]);
    let bulkPageAsked: () => void = () => undefined;
    const secondBulkPageAsked = new Promise<undefined>((resolve) => {
      bulkPageAsked = () => {
        resolve(undefined);
      };
    });
    serveFiveNumbers(all, () => {
      bulkPageAsked();
      // The second page never comes: only Cancel ends the wait.
      return new Promise<never>(() => undefined);
    });
    const writes = serveWrites(saved);
    const { user } = renderList();

    await rowOf(shown(1));
    await user.click(within(grid()).getByRole('checkbox', { name: 'Select all rows' }));
    const bar = await bulkBar();
    await user.click(within(bar).getByRole('button', { name: 'Select all 5 matching' }));
    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Verified' }));
    await secondBulkPageAsked;
    expect(await screen.findByText('Finding 3 of 5 matching numbers…')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(
      await screen.findByText('Stopped finding the matching numbers. Nothing was changed.'),
    ).toBeVisible();
    expect(screen.queryByRole('progressbar', { name: 'Bulk change progress' })).toBeNull();
    expect(writes).toEqual([]);
    // The selection stays, ready to act on again.
    expect(bar).toHaveTextContent('All 5 selected');
    expect(within(bar).getByRole('button', { name: 'Change status' })).toBeEnabled();
  });
});

describe('Exporting the selection', () => {
  const downloads = captureDownloads();

  it('downloads the CSV of the selected rows only', async () => {
    serveNumbers(resources([1, 2, 3]));
    const { user } = renderList();

    await user.click(await checkboxOf(1));
    await user.click(await checkboxOf(3));
    const bar = await bulkBar();
    await user.click(within(bar).getByRole('button', { name: 'Export selected' }));

    await waitFor(() => {
      expect(downloads).toHaveLength(1);
    });
    const lines = (await downloads[0]!.blob.text()).split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual([
      '+14155550101',
      '+14155550103',
      undefined,
    ]);
  });
});
