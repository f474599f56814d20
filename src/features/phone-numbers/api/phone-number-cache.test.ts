import { QueryClient, QueryObserver } from '@tanstack/react-query';
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
  forgetDeletedPhoneNumber,
  invalidatePhoneNumberWrite,
  patchPhoneNumberInCache,
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
  number: undefined,
  countryCodes: [],
  ownerId: undefined,
  updatedAt: undefined,
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

/** A cache holding these lists; those in `shown` have an observer, as a list on screen does. */
function cacheWith(
  lists: [PhoneNumberListParams, PhoneNumberPage][],
  shown: readonly PhoneNumberListParams[] = lists.map(([listParams]) => listParams),
) {
  const queryClient = new QueryClient();
  for (const [listParams, page] of lists) {
    queryClient.setQueryData(phoneNumberQueries.list(client, listParams).queryKey, page);
  }
  for (const listParams of shown) {
    const observer = new QueryObserver(queryClient, {
      ...phoneNumberQueries.list(client, listParams),
      staleTime: Infinity,
    });
    observer.subscribe(() => undefined);
  }
  const list = (listParams: PhoneNumberListParams) =>
    queryClient.getQueryData(phoneNumberQueries.list(client, listParams).queryKey);
  const ids = (listParams: PhoneNumberListParams) =>
    list(listParams)?.phoneNumbers.map((row) => row.id);
  return { queryClient, list, ids };
}

describe('patchPhoneNumberInCache', () => {
  it('changes the row in the lists on screen only, and restores only that row', () => {
    const byOrder = params();
    const all = params({ prospectId: undefined, sort: '-updatedAt' });
    const { queryClient, list } = cacheWith(
      [
        [byOrder, pageOf(1, 2, 3)],
        [all, pageOf(2, 5)],
      ],
      [byOrder],
    );
    const notShown = list(all);

    const snapshot = patchPhoneNumberInCache(queryClient, 2, { status: 'verified' });
    patchPhoneNumberInCache(queryClient, 3, { status: 'invalid' });

    expect(list(byOrder)?.phoneNumbers.map((row) => row.status)).toEqual([
      'unverified',
      'verified',
      'invalid',
    ]);
    expect(list(all)).toBe(notShown);

    restorePhoneNumberCache(queryClient, snapshot);

    expect(list(byOrder)?.phoneNumbers.map((row) => row.status)).toEqual([
      'unverified',
      'unverified',
      'invalid',
    ]);
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

describe('forgetDeletedPhoneNumber', () => {
  it('takes the row out of every cached list and its count, forgets its detail, and marks the lists stale', async () => {
    const byOrder = params();
    const all = params({ prospectId: undefined, sort: '-updatedAt' });
    const { queryClient, list, ids } = cacheWith(
      [
        [byOrder, pageOf(1, 2, 3)],
        [all, pageOf(2, 5)],
      ],
      [],
    );
    const detailKey = phoneNumberQueries.detail(client, 2).queryKey;
    queryClient.setQueryData(
      detailKey,
      phoneNumberDocumentSchema.parse({ data: phoneNumberResource(2) }),
    );

    await forgetDeletedPhoneNumber(queryClient, 2);

    expect(ids(byOrder)).toEqual([1, 3]);
    expect(ids(all)).toEqual([5]);
    expect(list(byOrder)?.count).toBe(9);
    expect(queryClient.getQueryState(detailKey)).toBeUndefined();
    expect(
      queryClient.getQueryState(phoneNumberQueries.list(client, all).queryKey)?.isInvalidated,
    ).toBe(true);
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
  it('marks the lists and the number stale, and nothing else: the prospect holds no numbers', async () => {
    const { queryClient } = cacheWith([[params(), pageOf(1)]], []);
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

    await invalidatePhoneNumberWrite(queryClient, 1);

    const stale = (key: readonly unknown[]) =>
      queryClient.getQueryState(key)?.isInvalidated ?? false;
    expect(Object.values(keys).map(stale)).toEqual([true, true, false, false, false]);
  });
});
