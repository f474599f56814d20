import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createTestApiClient } from '@/testing/render-with-providers';
import {
  phoneNumberCollectionSchema,
  phoneNumberDocumentSchema,
  type PhoneNumberPage,
} from '../schemas/phone-number';
import { phoneNumberCollection, phoneNumberResource } from '../testing/phone-number-documents';
import type { PhoneNumberListParams } from './get-phone-numbers';
import {
  invalidatePhoneNumberWrite,
  patchPhoneNumberInCache,
  removePhoneNumberFromCache,
  reorderPhoneNumbersInCache,
  restorePhoneNumberCache,
  withoutPhoneNumbers,
} from './phone-number-cache';
import { phoneNumberQueries } from './phone-number-queries';

const client = createTestApiClient();

const params = (change: Partial<PhoneNumberListParams> = {}): PhoneNumberListParams => ({
  prospectId: 1,
  sort: 'order',
  phoneTypes: [],
  statuses: [],
  pageSize: 50,
  after: undefined,
  before: undefined,
  ...change,
});

/** A page of prospect 1's numbers with the given ids, in that order; number n has order 10(n - 1). */
function pageOf(...ids: number[]): PhoneNumberPage {
  return phoneNumberCollectionSchema.parse(
    phoneNumberCollection(
      ids.map((id) => phoneNumberResource(id, { order: (id - 1) * 10 })),
      { meta: { count: 10 } },
    ),
  );
}

function cacheWith(lists: [PhoneNumberListParams, PhoneNumberPage][]) {
  const queryClient = new QueryClient();
  for (const [listParams, page] of lists) {
    queryClient.setQueryData(phoneNumberQueries.list(client, listParams).queryKey, page);
  }
  const list = (listParams: PhoneNumberListParams) =>
    queryClient.getQueryData(phoneNumberQueries.list(client, listParams).queryKey);
  const ids = (listParams: PhoneNumberListParams) =>
    list(listParams)?.phoneNumbers.map((row) => row.id);
  return { queryClient, list, ids };
}

describe('patchPhoneNumberInCache', () => {
  it('changes the row in every list and in its detail, and restores only that row', () => {
    const byOrder = params();
    const all = params({ prospectId: undefined, sort: '-updatedAt' });
    const { queryClient, list } = cacheWith([
      [byOrder, pageOf(1, 2, 3)],
      [all, pageOf(2, 5)],
    ]);
    const detailKey = phoneNumberQueries.detail(client, 2).queryKey;
    queryClient.setQueryData(
      detailKey,
      phoneNumberDocumentSchema.parse({ data: phoneNumberResource(2) }),
    );

    const snapshot = patchPhoneNumberInCache(queryClient, 2, { status: 'verified' });
    patchPhoneNumberInCache(queryClient, 3, { status: 'invalid' });

    expect(list(byOrder)?.phoneNumbers.map((row) => row.status)).toEqual([
      'unverified',
      'verified',
      'invalid',
    ]);
    expect(list(all)?.phoneNumbers[0]?.status).toBe('verified');
    expect(queryClient.getQueryData(detailKey)?.status).toBe('verified');

    restorePhoneNumberCache(queryClient, snapshot);

    expect(list(byOrder)?.phoneNumbers.map((row) => row.status)).toEqual([
      'unverified',
      'unverified',
      'invalid',
    ]);
    expect(list(all)?.phoneNumbers[0]?.status).toBe('unverified');
    expect(queryClient.getQueryData(detailKey)?.status).toBe('unverified');
  });
});

describe('reorderPhoneNumbersInCache', () => {
  it("moves rows in the prospect's lists sorted by order, either way, and nowhere else", () => {
    const ascending = params();
    const descending = params({ sort: '-order' });
    const byNumber = params({ sort: 'number' });
    const { queryClient, list, ids } = cacheWith([
      [ascending, pageOf(1, 2, 3)],
      [descending, pageOf(3, 2, 1)],
      [byNumber, pageOf(1, 2, 3)],
    ]);
    const before = list(ascending);

    const snapshot = reorderPhoneNumbersInCache(queryClient, 1, [{ id: 3, order: 5 }]);

    expect(ids(ascending)).toEqual([1, 3, 2]);
    expect(ids(descending)).toEqual([2, 3, 1]);
    expect(ids(byNumber)).toEqual([1, 2, 3]);
    expect(list(byNumber)?.phoneNumbers[2]?.order).toBe(5);

    restorePhoneNumberCache(queryClient, snapshot);

    expect(list(ascending)).toEqual(before);
    expect(ids(descending)).toEqual([3, 2, 1]);
    expect(list(byNumber)?.phoneNumbers[2]?.order).toBe(20);
  });

  it("leaves another prospect's lists in place", () => {
    const other = params({ prospectId: 2 });
    const { queryClient, ids } = cacheWith([[other, pageOf(1, 2, 3)]]);

    reorderPhoneNumbersInCache(queryClient, 1, [{ id: 3, order: 5 }]);

    expect(ids(other)).toEqual([1, 2, 3]);
  });
});

describe('removePhoneNumberFromCache', () => {
  it('takes the row out of every list and its count, and puts it back where it was', () => {
    const byOrder = params();
    const { queryClient, list, ids } = cacheWith([[byOrder, pageOf(1, 2, 3)]]);
    const before = list(byOrder);

    const snapshot = removePhoneNumberFromCache(queryClient, 2);

    expect(ids(byOrder)).toEqual([1, 3]);
    expect(list(byOrder)?.count).toBe(9);

    restorePhoneNumberCache(queryClient, snapshot);

    expect(list(byOrder)).toEqual(before);
  });

  it('puts rows back in their places whichever is undone first', () => {
    const byOrder = params();
    for (const undoFirst of ['third', 'fourth'] as const) {
      const { queryClient, list, ids } = cacheWith([[byOrder, pageOf(1, 2, 3, 4, 5)]]);
      const third = removePhoneNumberFromCache(queryClient, 3);
      const fourth = removePhoneNumberFromCache(queryClient, 4);
      expect(ids(byOrder)).toEqual([1, 2, 5]);

      const [first, second] = undoFirst === 'third' ? [third, fourth] : [fourth, third];
      restorePhoneNumberCache(queryClient, first);
      restorePhoneNumberCache(queryClient, second);

      expect(ids(byOrder)).toEqual([1, 2, 3, 4, 5]);
      expect(list(byOrder)?.count).toBe(10);
    }
  });

  it('does not add a row twice when the list was fetched again with it', () => {
    const byOrder = params();
    const { queryClient, list, ids } = cacheWith([[byOrder, pageOf(1, 2, 3)]]);
    const snapshot = removePhoneNumberFromCache(queryClient, 2);
    queryClient.setQueryData(phoneNumberQueries.list(client, byOrder).queryKey, pageOf(1, 2, 3));

    restorePhoneNumberCache(queryClient, snapshot);

    expect(ids(byOrder)).toEqual([1, 2, 3]);
    expect(list(byOrder)?.count).toBe(10);
  });
});

describe('withoutPhoneNumbers', () => {
  it('lowers the count by the rows it takes, and returns the page itself when it takes none', () => {
    const page = pageOf(1, 2, 3);

    expect(withoutPhoneNumbers(page, new Set([2, 3, 9]))).toMatchObject({
      phoneNumbers: [{ id: 1 }],
      count: 8,
    });
    expect(withoutPhoneNumbers(page, new Set([9]))).toBe(page);
  });
});

describe('invalidatePhoneNumberWrite', () => {
  it('marks the lists, the number and its prospect stale, and nothing else', async () => {
    const { queryClient } = cacheWith([[params(), pageOf(1)]]);
    const keys = {
      list: phoneNumberQueries.list(client, params()).queryKey,
      detail: phoneNumberQueries.detail(client, 1).queryKey,
      otherDetail: phoneNumberQueries.detail(client, 2).queryKey,
      prospect: ['prospects', 'detail', 1],
      otherProspect: ['prospects', 'detail', 2],
    };
    for (const key of [keys.detail, keys.otherDetail, keys.prospect, keys.otherProspect]) {
      queryClient.setQueryData(key, {});
    }

    await invalidatePhoneNumberWrite(queryClient, { id: 1, prospectId: 1 });

    const stale = (key: readonly unknown[]) =>
      queryClient.getQueryState(key)?.isInvalidated ?? false;
    expect(Object.values(keys).map(stale)).toEqual([true, true, false, true, false]);
  });
});
