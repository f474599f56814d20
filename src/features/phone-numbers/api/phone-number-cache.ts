import type { QueryClient, QueryKey } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { PhoneNumber, PhoneNumberPage, ListedPhoneNumber } from '../schemas/phone-number';
import { phoneNumberQueries } from './phone-number-queries';

/** A row as it was in one cached list, with where it stood. */
interface SavedRow {
  row: ListedPhoneNumber;
  index: number;
  previousId: number | undefined;
  nextId: number | undefined;
}

interface ListSnapshot {
  queryKey: QueryKey;
  saved: readonly SavedRow[];
  /** The rows were taken out of the list, and the count with them. */
  removed: boolean;
  /** The ids as the list showed them, when the change moved rows. */
  sequence: readonly number[] | undefined;
}

/**
 * What a cache change replaced, to put back if the write fails or is undone. Restoring touches only the
 * rows the change touched, so that it does not undo another change made since.
 */
export interface PhoneNumberCacheSnapshot {
  readonly lists: readonly ListSnapshot[];
  readonly details: readonly { queryKey: QueryKey; phoneNumber: PhoneNumber }[];
}

export type PhoneNumberChanges = Partial<Omit<PhoneNumber, 'id'>>;

const detailKey = (id: number) => [...phoneNumberQueries.details(), id] as const;

/**
 * The prospects feature's key for one prospect, whose phone arrays list these numbers; spelled out here
 * because a feature does not import another.
 */
const prospectDetailKey = (prospectId: number) => ['prospects', 'detail', prospectId] as const;

/** The parts of a list's key (PhoneNumberListParams) that say how it is narrowed and sorted. */
const listParamsSchema = z.object({ prospectId: z.optional(z.number()), sort: z.string() });

function cachedLists(queryClient: QueryClient): [QueryKey, PhoneNumberPage][] {
  return queryClient
    .getQueriesData<PhoneNumberPage>({ queryKey: phoneNumberQueries.lists() })
    .flatMap(([queryKey, page]) => (page === undefined ? [] : [[queryKey, page]]));
}

function save(rows: readonly ListedPhoneNumber[], index: number, row: ListedPhoneNumber): SavedRow {
  return { row, index, previousId: rows[index - 1]?.id, nextId: rows[index + 1]?.id };
}

/** By order, missing orders last, then by id: the server's `sort=order`. */
function compareByOrder(a: ListedPhoneNumber, b: ListedPhoneNumber): number {
  return (a.order ?? Infinity) - (b.order ?? Infinity) || a.id - b.id;
}

/** 1 or -1 when the list shows the prospect's numbers sorted by order; 0 otherwise. */
function orderDirection(queryKey: QueryKey, prospectId: number): number {
  const params = listParamsSchema.safeParse(queryKey[2]);
  if (!params.success || params.data.prospectId !== prospectId) return 0;
  if (params.data.sort === 'order') return 1;
  return params.data.sort === '-order' ? -1 : 0;
}

function changeRows(
  queryClient: QueryClient,
  changes: ReadonlyMap<number, PhoneNumberChanges>,
  resortProspectId: number | undefined,
): PhoneNumberCacheSnapshot {
  const lists: ListSnapshot[] = [];
  for (const [queryKey, page] of cachedLists(queryClient)) {
    const rows = page.phoneNumbers;
    const saved = rows.flatMap((row, index) =>
      changes.has(row.id) ? [save(rows, index, row)] : [],
    );
    if (saved.length === 0) continue;
    const changed = rows.map((row) => ({ ...row, ...changes.get(row.id), id: row.id }));
    const direction =
      resortProspectId === undefined ? 0 : orderDirection(queryKey, resortProspectId);
    if (direction !== 0) changed.sort((a, b) => direction * compareByOrder(a, b));
    lists.push({
      queryKey,
      saved,
      removed: false,
      sequence: direction === 0 ? undefined : rows.map((row) => row.id),
    });
    queryClient.setQueryData<PhoneNumberPage>(queryKey, { ...page, phoneNumbers: changed });
  }
  const details: { queryKey: QueryKey; phoneNumber: PhoneNumber }[] = [];
  for (const [id, change] of changes) {
    const phoneNumber = queryClient.getQueryData<PhoneNumber>(detailKey(id));
    if (phoneNumber === undefined) continue;
    details.push({ queryKey: detailKey(id), phoneNumber });
    queryClient.setQueryData<PhoneNumber>(detailKey(id), { ...phoneNumber, ...change, id });
  }
  return { lists, details };
}

/**
 * Stops the phone-number fetches under way, so that an answer sent before a write cannot overwrite its
 * optimistic values; the write's own invalidation fetches them again.
 */
export function cancelPhoneNumberFetches(queryClient: QueryClient): void {
  void queryClient.cancelQueries({ queryKey: phoneNumberQueries.all() });
}

/** Changes a phone number in every cached list and in its detail, at once. */
export function patchPhoneNumberInCache(
  queryClient: QueryClient,
  id: number,
  changes: PhoneNumberChanges,
): PhoneNumberCacheSnapshot {
  return changeRows(queryClient, new Map([[id, changes]]), undefined);
}

/**
 * Gives phone numbers new orders everywhere they are cached, and moves them in the cached lists of their
 * prospect sorted by order; other lists keep their rows in place until they are fetched again.
 */
export function reorderPhoneNumbersInCache(
  queryClient: QueryClient,
  prospectId: number | null,
  orders: readonly { id: number; order: number }[],
): PhoneNumberCacheSnapshot {
  const changes = new Map(orders.map(({ id, order }) => [id, { order }]));
  return changeRows(queryClient, changes, prospectId ?? undefined);
}

/** Takes a phone number out of every cached list, and out of its count. */
export function removePhoneNumberFromCache(
  queryClient: QueryClient,
  id: number,
): PhoneNumberCacheSnapshot {
  const lists: ListSnapshot[] = [];
  for (const [queryKey, page] of cachedLists(queryClient)) {
    const index = page.phoneNumbers.findIndex((row) => row.id === id);
    const row = page.phoneNumbers[index];
    if (row === undefined) continue;
    lists.push({
      queryKey,
      saved: [save(page.phoneNumbers, index, row)],
      removed: true,
      sequence: undefined,
    });
    queryClient.setQueryData<PhoneNumberPage>(queryKey, withoutPhoneNumbers(page, new Set([id])));
  }
  return { lists, details: [] };
}

/** The page without the given phone numbers, its count lowered by as many as it held. */
export function withoutPhoneNumbers(
  page: PhoneNumberPage,
  ids: ReadonlySet<number>,
): PhoneNumberPage {
  const phoneNumbers = page.phoneNumbers.filter((row) => !ids.has(row.id));
  const taken = page.phoneNumbers.length - phoneNumbers.length;
  if (taken === 0) return page;
  return {
    ...page,
    phoneNumbers,
    count: page.count === undefined ? undefined : Math.max(page.count - taken, 0),
  };
}

/** Where a removed row goes back: before the row that followed it, else after the one before it. */
function insertionIndex(rows: readonly ListedPhoneNumber[], saved: SavedRow): number {
  const next = rows.findIndex((row) => row.id === saved.nextId);
  if (next >= 0) return next;
  const previous = rows.findIndex((row) => row.id === saved.previousId);
  if (previous >= 0) return previous + 1;
  return Math.min(saved.index, rows.length);
}

/** The rows of `sequence` back in its order, in the places such rows hold now; other rows stay put. */
function inSequence(
  rows: readonly ListedPhoneNumber[],
  sequence: readonly number[],
): ListedPhoneNumber[] {
  const rank = new Map(sequence.map((id, index) => [id, index]));
  const ranked = rows
    .filter((row) => rank.has(row.id))
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  let next = 0;
  return rows.map((row) => (rank.has(row.id) ? (ranked[next++] ?? row) : row));
}

function restoreList(page: PhoneNumberPage, snapshot: ListSnapshot): PhoneNumberPage {
  let rows = [...page.phoneNumbers];
  let count = page.count;
  for (const saved of snapshot.saved) {
    const at = rows.findIndex((row) => row.id === saved.row.id);
    if (at >= 0) {
      rows[at] = saved.row;
    } else if (snapshot.removed) {
      rows.splice(insertionIndex(rows, saved), 0, saved.row);
      if (count !== undefined) count += 1;
    }
  }
  if (snapshot.sequence !== undefined) rows = inSequence(rows, snapshot.sequence);
  return { ...page, phoneNumbers: rows, count };
}

/** Puts back what a cache change replaced, in the lists and details that are still cached. */
export function restorePhoneNumberCache(
  queryClient: QueryClient,
  snapshot: PhoneNumberCacheSnapshot,
): void {
  for (const list of snapshot.lists) {
    queryClient.setQueryData<PhoneNumberPage>(
      list.queryKey,
      (page) => page && restoreList(page, list),
    );
  }
  for (const { queryKey, phoneNumber } of snapshot.details) {
    queryClient.setQueryData<PhoneNumber>(queryKey, (current) => current && phoneNumber);
  }
}

/**
 * Marks stale what a write to a phone number changes, and fetches what is shown again: the lists (rows,
 * counts, permissions), the number itself and its prospect, whose phone arrays list it.
 */
export async function invalidatePhoneNumberWrite(
  queryClient: QueryClient,
  { id, prospectId }: { id: number | undefined; prospectId: number | null },
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists() }),
    id === undefined ? undefined : queryClient.invalidateQueries({ queryKey: detailKey(id) }),
    prospectId === null
      ? undefined
      : queryClient.invalidateQueries({ queryKey: prospectDetailKey(prospectId) }),
  ]);
}

/** After a DELETE: the number's detail is forgotten (fetching it would be a 404), the rest refetched. */
export async function forgetDeletedPhoneNumber(
  queryClient: QueryClient,
  { id, prospectId }: { id: number; prospectId: number | null },
): Promise<void> {
  queryClient.removeQueries({ queryKey: detailKey(id), exact: true });
  await invalidatePhoneNumberWrite(queryClient, { id: undefined, prospectId });
}
