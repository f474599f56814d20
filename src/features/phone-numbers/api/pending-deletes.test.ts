import { onlineManager, QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { createTestApiClient } from '@/testing/render-with-providers';
import { phoneNumberCollectionSchema, type ListedPhoneNumber } from '../schemas/phone-number';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import type { PhoneNumberListParams } from './get-phone-numbers';
import { flushPendingDeletes, pendingDeletesOf, UNDO_WINDOW_MS } from './pending-deletes';
import { withoutPhoneNumbers } from './phone-number-cache';
import { phoneNumberQueries } from './phone-number-queries';

const client = createTestApiClient();

const params: PhoneNumberListParams = {
  prospectId: 1,
  sort: 'order',
  phoneTypes: [],
  statuses: [],
  number: undefined,
  countryCodes: [],
  ownerId: undefined,
  updatedAt: undefined,
  pageSize: 50,
  after: undefined,
  before: undefined,
};

const collection = phoneNumberCollection(
  [1, 2, 3].map((id) => phoneNumberResource(id, { order: id })),
  { meta: { count: 3 } },
);

/** A QueryClient holding prospect 1's numbers 1, 2 and 3, and the DELETEs the server receives. */
function setup(
  answer: () => Response | Promise<Response> = () => new HttpResponse(null, { status: 204 }),
) {
  const deletes: { id: string; keepalive: boolean }[] = [];
  server.use(
    http.delete(`${PHONE_NUMBERS_URL}/:id`, ({ request, params: { id } }) => {
      deletes.push({ id: String(id), keepalive: request.keepalive });
      return answer();
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { queryKey } = phoneNumberQueries.list(client, params);
  const page = phoneNumberCollectionSchema.parse(collection);
  queryClient.setQueryData(queryKey, page);
  const row = (id: number): ListedPhoneNumber => {
    const found = page.phoneNumbers.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`No row ${id}`);
    return found;
  };
  const pendingDeletes = pendingDeletesOf(queryClient);
  const cached = () => queryClient.getQueryData(queryKey);
  // The list as a component shows it: without the pending deletes.
  const list = () => {
    const current = cached();
    return current && withoutPhoneNumbers(current, pendingDeletes.getPendingIds());
  };
  return {
    queryClient,
    deletes,
    page,
    row,
    pendingDeletes,
    cached,
    list,
    ids: () => list()?.phoneNumbers.map(({ id }) => id),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('pending deletes', () => {
  it('take the row out at once and send the DELETE only when the undo window has passed', async () => {
    const { pendingDeletes, row, deletes, list, ids, cached, page } = setup();
    const onDeleted = vi.fn();

    pendingDeletes.schedule(client, row(2), { onDeleted });

    expect(ids()).toEqual([1, 3]);
    expect(list()?.count).toBe(2);
    // Held in one place: the cached list is left as the server sent it.
    expect(cached()).toBe(page);
    expect(pendingDeletes.getPendingIds()).toEqual(new Set([2]));
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1);
    expect(deletes).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);

    await vi.waitFor(() => {
      expect(pendingDeletes.getPendingIds().size).toBe(0);
    });
    expect(deletes).toEqual([{ id: '2', keepalive: false }]);
    expect(onDeleted).toHaveBeenCalledOnce();
    expect(cached()?.phoneNumbers.map(({ id }) => id)).toEqual([1, 3]);
  });

  it('send at most 4 DELETEs at once when a bulk delete comes due, the others as each one ends', async () => {
    let underWay = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { pendingDeletes, deletes } = setup(async () => {
      underWay += 1;
      most = Math.max(most, underWay);
      await held;
      underWay -= 1;
      return new HttpResponse(null, { status: 204 });
    });
    const rows = phoneNumberCollectionSchema.parse(
      phoneNumberCollection(
        Array.from({ length: 10 }, (_, index) => phoneNumberResource(index + 1)),
      ),
    ).phoneNumbers;
    const onDeleted = vi.fn();

    for (const row of rows) pendingDeletes.schedule(client, row, { onDeleted });
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);

    await vi.waitFor(() => {
      expect(deletes).toHaveLength(4);
    });
    release();
    await vi.waitFor(() => {
      expect(onDeleted).toHaveBeenCalledTimes(10);
    });
    expect(deletes).toHaveLength(10);
    expect(most).toBe(4);
  });

  it('wait for the network when offline, as edits do, and are sent once it is back', async () => {
    const { queryClient, pendingDeletes, row, deletes, ids } = setup();
    queryClient.mount();
    onlineManager.setOnline(false);
    try {
      const onError = vi.fn();
      pendingDeletes.schedule(client, row(2), { onError });
      await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2);

      expect(deletes).toEqual([]);
      expect(onError).not.toHaveBeenCalled();
      expect(ids()).toEqual([1, 3]);
      expect(pendingDeletes.getPendingIds()).toEqual(new Set([2]));

      onlineManager.setOnline(true);
      await vi.waitFor(() => {
        expect(pendingDeletes.getPendingIds().size).toBe(0);
      });
      expect(deletes).toEqual([{ id: '2', keepalive: false }]);
      expect(onError).not.toHaveBeenCalled();
    } finally {
      onlineManager.setOnline(true);
      queryClient.unmount();
    }
  });

  it('send nothing once undone, and put the row back exactly where it was', async () => {
    const { pendingDeletes, row, deletes, list, page } = setup();
    const listeners = vi.fn();
    pendingDeletes.subscribe(listeners);

    pendingDeletes.schedule(client, row(2));
    pendingDeletes.undo(2);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS * 2);

    expect(deletes).toEqual([]);
    expect(list()).toEqual(page);
    expect(pendingDeletes.getPendingIds().size).toBe(0);
    expect(listeners).toHaveBeenCalledTimes(2);
  });

  it('put the row back and report the error when the DELETE fails', async () => {
    const { pendingDeletes, row, list, page } = setup(() =>
      errorResponse(403, { id: 'unauthorizedRequest', title: 'Not allowed' }),
    );
    const onError = vi.fn();
    const onDeleted = vi.fn();

    pendingDeletes.schedule(client, row(2), { onError, onDeleted });
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);

    await vi.waitFor(() => {
      expect(onError).toHaveBeenCalledOnce();
    });
    const [error] = onError.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(ApiError);
    expect(error instanceof ApiError && error.isGovernanceRefusal).toBe(true);
    expect(list()).toEqual(page);
    expect(pendingDeletes.getPendingIds().size).toBe(0);
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('cannot be undone once the DELETE is on its way', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { pendingDeletes, row, ids } = setup(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );

    pendingDeletes.schedule(client, row(2));
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    pendingDeletes.undo(2);

    expect(ids()).toEqual([1, 3]);
    expect(pendingDeletes.getPendingIds()).toEqual(new Set([2]));
    await vi.waitFor(() => {
      answer(new HttpResponse(null, { status: 204 }));
      expect(pendingDeletes.getPendingIds().size).toBe(0);
    });
    expect(ids()).toEqual([1, 3]);
  });

  it('are sent at once, with keepalive, when the page is hidden away', async () => {
    const { pendingDeletes, row, deletes } = setup();
    pendingDeletes.schedule(client, row(1));
    pendingDeletes.schedule(client, row(3));

    window.dispatchEvent(new Event('pagehide'));

    await vi.waitFor(() => {
      expect(pendingDeletes.getPendingIds().size).toBe(0);
    });
    expect(deletes).toEqual([
      { id: '1', keepalive: true },
      { id: '3', keepalive: true },
    ]);
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(deletes).toHaveLength(2);
  });

  it('are sent at once when the tab is hidden, and not while it is visible', async () => {
    const { pendingDeletes, row, deletes } = setup();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    pendingDeletes.schedule(client, row(2));

    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(deletes).toEqual([]);

    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));

    await vi.waitFor(() => {
      expect(deletes).toEqual([{ id: '2', keepalive: true }]);
    });
    await vi.waitFor(() => {
      expect(pendingDeletes.getPendingIds().size).toBe(0);
    });
  });

  it('are sent at once on sign-out, before the token is gone', async () => {
    const { queryClient, pendingDeletes, row, deletes } = setup();
    pendingDeletes.schedule(client, row(2));

    await flushPendingDeletes(queryClient);

    expect(deletes).toEqual([{ id: '2', keepalive: true }]);
    expect(pendingDeletes.getPendingIds().size).toBe(0);
  });

  it('keep the row out of a list fetched again during the undo window', async () => {
    const { queryClient, pendingDeletes, row, list, ids } = setup();
    const endpoint = phoneNumbersEndpoint(() => collection);
    server.use(endpoint.handler);
    pendingDeletes.schedule(client, row(2));

    await queryClient.query({ ...phoneNumberQueries.list(client, params), staleTime: 0 });

    expect(endpoint.requests).toHaveLength(1);
    expect(ids()).toEqual([1, 3]);
    expect(list()?.count).toBe(2);
    pendingDeletes.undo(2);
    expect(ids()).toEqual([1, 2, 3]);
    expect(list()?.count).toBe(3);
  });

  it('belong to one QueryClient: another app does not see them', () => {
    const first = setup();
    const second = setup();

    first.pendingDeletes.schedule(client, first.row(2));

    expect(pendingDeletesOf(first.queryClient)).toBe(first.pendingDeletes);
    expect(second.pendingDeletes.getPendingIds().size).toBe(0);
    expect(second.ids()).toEqual([1, 2, 3]);
    first.pendingDeletes.undo(2);
  });
});
