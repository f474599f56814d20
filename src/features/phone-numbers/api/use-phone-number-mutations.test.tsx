import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiClientContext } from '@/lib/api-client-context';
import { ApiError } from '@/lib/api-error';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
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
import { UNDO_WINDOW_MS } from './pending-deletes';
import { phoneNumberQueries } from './phone-number-queries';
import {
  useCreatePhoneNumber,
  usePendingDeletes,
  useReorderPhoneNumbers,
  useUpdatePhoneNumber,
} from './use-phone-number-mutations';

const apiClient = createTestApiClient();

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

const listKey = phoneNumberQueries.list(apiClient, params).queryKey;

type Attributes = NonNullable<Parameters<typeof phoneNumberResource>[1]>;

interface Write {
  method: 'POST' | 'PATCH';
  id: number | undefined;
  attributes: unknown;
  /** The cached list as it was when the request reached the server. */
  cached: readonly ListedPhoneNumber[];
}

/** A write's document: the attributes as sent, unknown ones kept, so that a test sees any extra. */
const writeSchema = z.object({
  data: z.object({
    attributes: z.looseObject({
      number: z.string().optional(),
      rawNumber: z.string().nullable().optional(),
      extension: z.string().nullable().optional(),
      countryCode: z.string().nullable().optional(),
      phoneType: z.string().optional(),
      status: z.string().optional(),
      order: z.int().optional(),
    }),
  }),
});

/**
 * Prospect 1's numbers as a server keeps them: GET lists them by order then id; a PATCH changes what it
 * is sent (the number without spaces, as E.164) unless `refuse` answers first; a POST adds a number.
 */
function fakeServer(
  initial: Record<number, Attributes>,
  cachedRows: () => readonly ListedPhoneNumber[],
  refuse: (id: number, flags: { canWrite: boolean }) => Response | undefined,
) {
  const rows = new Map(Object.entries(initial).map(([id, attributes]) => [Number(id), attributes]));
  const flags = { canWrite: true };
  const resource = (id: number) => phoneNumberResource(id, rows.get(id), flags);
  const writes: Write[] = [];
  const lists = phoneNumbersEndpoint(() =>
    phoneNumberCollection(
      [...rows.keys()]
        .sort((a, b) => (rows.get(a)?.order ?? 0) - (rows.get(b)?.order ?? 0) || a - b)
        .map(resource),
      { meta: { count: rows.size } },
    ),
  );
  const attributesOf = async (request: Request) =>
    writeSchema.parse(await request.json()).data.attributes;
  server.use(
    lists.handler,
    http.patch(`${PHONE_NUMBERS_URL}/:id`, async ({ request, params: { id } }) => {
      const attributes = await attributesOf(request);
      writes.push({ method: 'PATCH', id: Number(id), attributes, cached: cachedRows() });
      const refusal = refuse(Number(id), flags);
      if (refusal) return refusal;
      const number = attributes.number?.replace(/\s/g, '');
      rows.set(Number(id), {
        ...rows.get(Number(id)),
        ...attributes,
        ...(number ? { number } : {}),
      });
      return jsonApiResponse({ data: resource(Number(id)) });
    }),
    http.post(PHONE_NUMBERS_URL, async ({ request }) => {
      const attributes = await attributesOf(request);
      writes.push({ method: 'POST', id: undefined, attributes, cached: cachedRows() });
      const id = Math.max(...rows.keys()) + 1;
      rows.set(id, { ...attributes, order: rows.size });
      return jsonApiResponse({ data: resource(id) }, 201);
    }),
  );
  return { lists: lists.requests, writes, flags };
}

function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

function renderWithClients<T>(queryClient: QueryClient, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ApiClientContext value={apiClient}>{children}</ApiClientContext>
    </QueryClientProvider>
  );
  return renderHook(hook, { wrapper });
}

/**
 * The hook under test next to the shown list of prospect 1's numbers, served by a fake server; the
 * returned `rows` are the list once loaded.
 */
async function renderWithList<T>(
  useMutationHook: () => T,
  initial: Record<number, Attributes>,
  refuse: (id: number, flags: { canWrite: boolean }) => Response | undefined = () => undefined,
) {
  const queryClient = testQueryClient();
  const cachedRows = () => queryClient.getQueryData(listKey)?.phoneNumbers ?? [];
  const api = fakeServer(initial, cachedRows, refuse);
  const rendered = renderWithClients(queryClient, () => ({
    list: useQuery(phoneNumberQueries.list(apiClient, params)),
    mutation: useMutationHook(),
  }));
  await waitFor(() => {
    expect(rendered.result.current.list.isSuccess).toBe(true);
  });
  return { ...rendered, queryClient, cachedRows, api, rows: cachedRows() };
}

function rowOf(rows: readonly ListedPhoneNumber[], id: number): ListedPhoneNumber {
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`No row ${id}`);
  return row;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject.');
}

const ordersOf = (rows: readonly ListedPhoneNumber[]) => rows.map(({ id, order }) => [id, order]);

describe('useUpdatePhoneNumber', () => {
  it('shows the change in the list on screen before the PATCH is sent, then the server’s values', async () => {
    const { result, rows, cachedRows, queryClient, api } = await renderWithList(
      useUpdatePhoneNumber,
      { 1: { order: 0 }, 2: { order: 1 } },
    );
    // Another view, cached but not on screen: fetched again when shown rather than patched.
    const otherKey = phoneNumberQueries.list(apiClient, { ...params, sort: 'number' }).queryKey;
    const other = queryClient.getQueryData(listKey);
    queryClient.setQueryData(otherKey, other);
    let otherWhenSent: unknown;
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/2`, () => {
        otherWhenSent = queryClient.getQueryData(otherKey);
      }),
    );

    await act(() =>
      result.current.mutation.mutateAsync({
        row: rowOf(rows, 2),
        changes: { status: 'verified', number: '+1 415 555 0199' },
      }),
    );

    expect(api.writes).toHaveLength(1);
    expect(api.writes[0]?.attributes).toEqual({ status: 'verified', number: '+1 415 555 0199' });
    expect(rowOf(api.writes[0]?.cached ?? [], 2)).toMatchObject({
      status: 'verified',
      number: '+1 415 555 0199',
    });
    expect(otherWhenSent).toBe(other);
    expect(rowOf(cachedRows(), 2)).toMatchObject({ status: 'verified', number: '+14155550199' });
    expect(queryClient.getQueryState(otherKey)?.isInvalidated).toBe(true);
  });

  it('puts the row back when the server fails, and rejects with the ApiError', async () => {
    const { result, rows, cachedRows, api } = await renderWithList(
      useUpdatePhoneNumber,
      { 1: { order: 0 } },
      () => errorResponse(500, { id: 'internalServerError', title: 'Server error' }),
    );

    // Read as the promise settles: the lists fetched again afterwards would hide a missing rollback.
    const { error, statusThen } = await act(async () => ({
      error: await rejection(
        result.current.mutation.mutateAsync({
          row: rowOf(rows, 1),
          changes: { status: 'invalid' },
        }),
      ),
      statusThen: rowOf(cachedRows(), 1).status,
    }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500 });
    expect(rowOf(api.writes[0]?.cached ?? [], 1).status).toBe('invalid');
    expect(statusThen).toBe('unverified');
  });

  it('fetches the lists again after a 403, so that the row says it cannot be edited', async () => {
    const { result, rows, cachedRows, api } = await renderWithList(
      useUpdatePhoneNumber,
      { 1: { order: 0 } },
      (_id, flags) => {
        // The number changed hands: the server refuses, and says so in the flags from now on.
        flags.canWrite = false;
        return errorResponse(403, { id: 'unauthorizedRequest', title: 'Not allowed' });
      },
    );
    expect(api.lists).toHaveLength(1);

    const error = await act(() =>
      rejection(
        result.current.mutation.mutateAsync({
          row: rowOf(rows, 1),
          changes: { status: 'invalid' },
        }),
      ),
    );

    expect(error instanceof ApiError && error.isGovernanceRefusal).toBe(true);
    await waitFor(() => {
      expect(rowOf(cachedRows(), 1).canWrite).toBe(false);
    });
    expect(api.lists).toHaveLength(2);
  });
});

describe('useCreatePhoneNumber', () => {
  it('resolves once the lists have been fetched again, with the new number in them', async () => {
    const { result, cachedRows, api } = await renderWithList(useCreatePhoneNumber, {
      1: { order: 0 },
    });

    const { created, idsThen } = await act(async () => ({
      created: await result.current.mutation.mutateAsync({
        prospectId: 1,
        draft: {
          number: '+14155550142',
          rawNumber: '415 555 0142',
          countryCode: 'US',
          phoneType: 'mobile',
          extension: null,
        },
      }),
      idsThen: cachedRows().map(({ id }) => id),
    }));

    expect(created).toMatchObject({ id: 2, number: '+14155550142' });
    expect(api.writes.map(({ method }) => method)).toEqual(['POST']);
    expect(api.lists).toHaveLength(2);
    expect(idsThen).toEqual([1, 2]);
  });
});

describe('useReorderPhoneNumbers', () => {
  const packed = { 1: { order: 0 }, 2: { order: 1 }, 3: { order: 2 }, 4: { order: 3 } };

  it('sends exactly the planned PATCHes, the rows already in their new order', async () => {
    const { result, rows, cachedRows, api } = await renderWithList(useReorderPhoneNumbers, packed);

    await act(() => result.current.mutation.mutateAsync({ rows, id: 3, move: 'up' }));

    expect(api.writes.map(({ id, attributes }) => [id, attributes])).toEqual([
      [3, { order: 1 }],
      [2, { order: 2 }],
    ]);
    expect(ordersOf(api.writes[0]?.cached ?? [])).toEqual([
      [1, 0],
      [3, 1],
      [2, 2],
      [4, 3],
    ]);
    await waitFor(() => {
      expect(api.lists).toHaveLength(2);
    });
    expect(cachedRows().map(({ id }) => id)).toEqual([1, 3, 2, 4]);
  });

  it('puts the order back and sends no more after a refusal', async () => {
    const { result, rows, cachedRows, api } = await renderWithList(
      useReorderPhoneNumbers,
      packed,
      () => errorResponse(403, { id: 'unauthorizedRequest', title: 'Not allowed' }),
    );

    const { error, ordersThen } = await act(async () => ({
      error: await rejection(result.current.mutation.mutateAsync({ rows, id: 3, move: 'up' })),
      ordersThen: ordersOf(cachedRows()),
    }));

    expect(error).toBeInstanceOf(ApiError);
    expect(api.writes).toHaveLength(1);
    expect(ordersThen).toEqual(ordersOf(rows));
  });

  it('sends and fetches nothing for a move that changes nothing', async () => {
    const { result, rows, api } = await renderWithList(useReorderPhoneNumbers, packed);

    await act(() => result.current.mutation.mutateAsync({ rows, id: 1, move: 'up' }));

    expect(api.writes).toEqual([]);
    expect(api.lists).toHaveLength(1);
  });
});

describe('usePendingDeletes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function renderPendingDeletes() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const deleted: string[] = [];
    server.use(
      http.delete(`${PHONE_NUMBERS_URL}/:id`, ({ params: { id } }) => {
        deleted.push(String(id));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const queryClient = testQueryClient();
    const page = phoneNumberCollectionSchema.parse(
      phoneNumberCollection([phoneNumberResource(1), phoneNumberResource(2)]),
    );
    queryClient.setQueryData(listKey, page);
    const ids = () => queryClient.getQueryData(listKey)?.phoneNumbers.map(({ id }) => id);
    return {
      deleted,
      ids,
      row: rowOf(page.phoneNumbers, 1),
      ...renderWithClients(queryClient, usePendingDeletes),
    };
  }

  it('shows the pending ids, and undo forgets them without a request', async () => {
    const { result, deleted, ids, row } = renderPendingDeletes();

    act(() => {
      result.current.schedule(row);
    });
    expect(result.current.pendingIds).toEqual(new Set([1]));
    expect(ids()).toEqual([1, 2]);

    act(() => {
      result.current.undo(1);
    });
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));

    expect(result.current.pendingIds.size).toBe(0);
    expect(ids()).toEqual([1, 2]);
    expect(deleted).toEqual([]);
  });

  it('sends the DELETE even after the component that scheduled it has gone', async () => {
    const { result, deleted, row, unmount } = renderPendingDeletes();
    const onDeleted = vi.fn();

    act(() => {
      result.current.schedule(row, { onDeleted });
    });
    unmount();
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);

    await vi.waitFor(() => {
      expect(onDeleted).toHaveBeenCalledOnce();
    });
    expect(deleted).toEqual(['1']);
  });
});
