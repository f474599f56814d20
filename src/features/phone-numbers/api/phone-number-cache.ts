import type { QueryClient, QueryKey } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { PhoneNumber, PhoneNumberPage, ListedPhoneNumber } from '../schemas/phone-number';
import { phoneNumberQueries } from './phone-number-queries';

interface ListSnapshot {
  queryKey: QueryKey;
  /** The rows the change touched, as they were. */
  saved: readonly ListedPhoneNumber[];
  /** The ids as the list showed them, when the change moved rows. */
  sequence: readonly number[] | undefined;
}

/**
 * What an optimistic change replaced in the lists on screen, to put back if the write fails. Restoring
 * touches only the rows the change touched, so that it does not undo another change made since.
 */
export interface PhoneNumberCacheSnapshot {
  readonly lists: readonly ListSnapshot[];
}

export type PhoneNumberChanges = Partial<Omit<PhoneNumber, 'id'>>;

const detailKey = (id: number) => [...phoneNumberQueries.details(), id] as const;

/** The parts of a list's key (PhoneNumberListParams) that say how it is narrowed and sorted. */
const listParamsSchema = z.object({ prospectId: z.optional(z.number()), sort: z.string() });

/**
 * The lists a component shows now. Only they are changed ahead of the server: the others are fetched
 * again when shown (the write invalidates them), which is simpler than keeping every cached view right,
 * and as quick for the rep, who sees only these.
 */
function shownLists(queryClient: QueryClient): [QueryKey, PhoneNumberPage][] {
  return queryClient
    .getQueriesData<PhoneNumberPage>({ queryKey: phoneNumberQueries.lists(), type: 'active' })
    .flatMap(([queryKey, page]) => (page === undefined ? [] : [[queryKey, page]]));
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
  for (const [queryKey, page] of shownLists(queryClient)) {
    const rows = page.phoneNumbers;
    const saved = rows.filter((row) => changes.has(row.id));
    if (saved.length === 0) continue;
    const changed = rows.map((row) => ({ ...row, ...changes.get(row.id), id: row.id }));
    const direction =
      resortProspectId === undefined ? 0 : orderDirection(queryKey, resortProspectId);
    if (direction !== 0) changed.sort((a, b) => direction * compareByOrder(a, b));
    lists.push({
      queryKey,
      saved,
      sequence: direction === 0 ? undefined : rows.map((row) => row.id),
    });
    queryClient.setQueryData<PhoneNumberPage>(queryKey, { ...page, phoneNumbers: changed });
  }
  return { lists };
}

/**
 * Stops the phone-number fetches under way, so that an answer sent before a write cannot overwrite its
 * optimistic values; the write's own invalidation fetches them again.
 */
export function cancelPhoneNumberFetches(queryClient: QueryClient): void {
  void queryClient.cancelQueries({ queryKey: phoneNumberQueries.all() });
}

/** Changes a phone number in the lists on screen, at once. */
export function patchPhoneNumberInCache(
  queryClient: QueryClient,
  id: number,
  changes: PhoneNumberChanges,
): PhoneNumberCacheSnapshot {
  return changeRows(queryClient, new Map([[id, changes]]), undefined);
}

/**
 * Gives phone numbers new orders in the lists on screen, and moves them in those of their prospect sorted
 * by order; other lists on screen keep their rows in place until they are fetched again.
 */
export function reorderPhoneNumbersInCache(
  queryClient: QueryClient,
  prospectId: number | null,
  orders: readonly { id: number; order: number }[],
): PhoneNumberCacheSnapshot {
  const changes = new Map(orders.map(({ id, order }) => [id, { order }]));
  return changeRows(queryClient, changes, prospectId ?? undefined);
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
  const saved = new Map(snapshot.saved.map((row) => [row.id, row]));
  let rows = page.phoneNumbers.map((row) => saved.get(row.id) ?? row);
  if (snapshot.sequence !== undefined) rows = inSequence(rows, snapshot.sequence);
  return { ...page, phoneNumbers: rows };
}

/** Puts back what an optimistic change replaced, in the lists that are still cached. */
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
}

/**
 * Marks stale what a write to a phone number changes, and fetches what is shown again: the lists (rows,
 * counts, permissions) and, when one number was written, that number. The prospects feature holds no
 * phone numbers, so nothing of it is fetched again.
 */
export async function invalidatePhoneNumberWrite(
  queryClient: QueryClient,
  id: number | undefined,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists() }),
    id === undefined ? undefined : queryClient.invalidateQueries({ queryKey: detailKey(id) }),
  ]);
}

/**
 * After a DELETE the server has answered: the number's detail is forgotten (fetching it would be a 404),
 * the lists cached but not shown lose the row now, so that none shows it again before it is fetched, and
 * every list is fetched again.
 */
export async function forgetDeletedPhoneNumber(
  queryClient: QueryClient,
  id: number,
): Promise<void> {
  queryClient.removeQueries({ queryKey: detailKey(id), exact: true });
  queryClient.setQueriesData<PhoneNumberPage>(
    { queryKey: phoneNumberQueries.lists() },
    (page) => page && withoutPhoneNumbers(page, new Set([id])),
  );
  await invalidatePhoneNumberWrite(queryClient, undefined);
}
