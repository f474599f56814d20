import { sql, type Expression, type Kysely, type SqlBool, type Updateable } from 'kysely';
import { MAX_ORDER } from '../../contract/phone-number-values';
import { engineOf } from '../db/engine';
import type { Database, NewPhoneNumber, PhoneNumberRow, PhoneNumbersTable } from '../db/schema';
import { listCollection } from '../http/collection-query';
import { filterCondition, filterShape, type Bind } from '../http/pagination';
import type { CollectionQuery, ParsedFilter } from '../http/query';
import type { PhoneNumberChange } from './audit';
import { isSharedFilter, sharedCondition } from './shared-numbers';

/** A phone number with the owner of its prospect, which every authorization decision needs. */
export type PhoneNumberListRow = PhoneNumberRow & { owner_id: number };

const PHONE_NUMBER_COLUMNS = [
  'pn.id',
  'pn.prospect_id',
  'pn.number',
  'pn.raw_number',
  'pn.extension',
  'pn.country_code',
  'pn.phone_type',
  'pn.status',
  'pn.sort_order',
  'pn.status_changed_at',
  'pn.created_at',
  'pn.updated_at',
  'pn.version',
] as const;

function selectWithOwner(db: Kysely<Database>) {
  return db
    .selectFrom('phone_numbers as pn')
    .innerJoin('prospects as p', 'p.id', 'pn.prospect_id')
    .select([...PHONE_NUMBER_COLUMNS, 'p.owner_id']);
}

/** A list's rows carry their prospect's summary: all the grid's included prospects need of it. */
function selectListed(db: Kysely<Database>) {
  return selectWithOwner(db).select([
    'p.first_name as prospect_first_name',
    'p.last_name as prospect_last_name',
    'p.calls_opt_status as prospect_calls_opt_status',
  ]);
}

const COUNTED_BY = { phoneType: 'phone_type', status: 'status' } as const;
type CountedFilter = keyof typeof COUNTED_BY;
const isCounted = (filter: ParsedFilter) => Object.hasOwn(COUNTED_BY, filter.name);

/**
 * The number of phone numbers with these types and statuses, which triggers keep (no filter: all of
 * them): it answers count=true for the whole collection and for any filter on type and status alone,
 * whatever the size of the table.
 */
async function countedNumbers(db: Kysely<Database>, filters: readonly ParsedFilter[]) {
  let query = db
    .selectFrom('phone_number_counts')
    .select(sql<number>`coalesce(sum(row_count), 0)`.as('total'));
  for (const filter of filters) {
    const values = filter.terms.flatMap((term) =>
      term.kind === 'equals' ? [String(term.value)] : [],
    );
    query = query.where(COUNTED_BY[filter.name as CountedFilter], 'in', values);
  }
  return (await query.executeTakeFirstOrThrow()).total;
}

/**
 * Whether type and status filters should be looked up in their indexes. Type and status have a handful
 * of values, so a filter on them may match a quarter of a million rows, and the matches would all be
 * sorted before the first page is known. Walking the sort's index instead reads about
 * page size × all rows / matching rows. The kept counts say which costs less; either is at most about
 * √(all rows × page size) rows (7,000 for a page of 50 among a million). Beside a prospect or id filter,
 * which narrows far more, they never are.
 */
async function lookUpCountedFilters(
  db: Kysely<Database>,
  query: CollectionQuery,
): Promise<boolean> {
  const counted = query.filters.filter(isCounted);
  if (counted.length === 0) return false;
  if (query.filters.some((filter) => filter.name === 'prospect.id' || filter.name === 'id')) {
    return false;
  }
  // One value, in id order: its (column, id) index holds the rows in the order asked for.
  const [only] = counted;
  if (counted.length === 1 && only?.terms.length === 1 && query.sort[0]?.attribute === 'id') {
    return true;
  }
  const [all, matching] = await Promise.all([countedNumbers(db, []), countedNumbers(db, counted)]);
  return matching * matching < all * (query.pageSize + 1);
}

/**
 * A filter's condition. The owner's is the numbers whose prospect is among the owner's: a subquery on
 * prospects' (owner_id, id) index, so that every query of the collection (the page, its keys, the
 * count) takes it as it takes a condition on phone_numbers alone.
 */
function numberCondition(filter: ParsedFilter, bind: Bind, indexed: boolean): Expression<SqlBool> {
  if (filter.name !== 'prospect.owner.id') return filterCondition(filter, bind, indexed);
  const owners = filterCondition(
    { ...filter, spec: { ...filter.spec, column: 'owned.owner_id' } },
    bind,
  );
  const prospect = indexed ? sql.ref('pn.prospect_id') : sql`+${sql.ref('pn.prospect_id')}`;
  return sql<SqlBool>`${prospect} in (select "owned"."id" from "prospects" as "owned" where ${owners})`;
}

/** The phone numbers a collection query selects, for `listCollection`. */
export async function phoneNumberSource(db: Kysely<Database>, query: CollectionQuery) {
  // PostgreSQL's planner chooses between the lookup and the walk itself, from its statistics.
  const lookUp = engineOf(db) === 'postgres' || (await lookUpCountedFilters(db, query));
  const indexed = (filter: ParsedFilter) => lookUp || !isCounted(filter);
  // One number, or a list of them, is on few prospects: like a prospect's numbers, few rows to sort.
  const exactNumber = (filter: ParsedFilter) =>
    filter.name === 'number' && filter.terms.every((term) => term.kind === 'equals');
  const onlyCountedOrProspect = query.filters.every(
    (filter) =>
      isCounted(filter) ||
      filter.name === 'prospect.id' ||
      filter.name === 'extension' ||
      exactNumber(filter),
  );
  return {
    name: 'phoneNumbers',
    base: () => selectListed(db),
    countRows: (conditions: Expression<SqlBool>[], limit: Expression<number>) =>
      conditions
        .reduce(
          (builder, condition) => builder.where(condition),
          db.selectFrom('phone_numbers as pn').select(sql<number>`1`.as('one')),
        )
        .limit(limit),
    pageKeys: { column: 'pn.id', table: sql`"phone_numbers" as "pn"` },
    conditions: (bind: Bind, walked: ReadonlySet<ParsedFilter>) =>
      query.filters.map((filter) =>
        isSharedFilter(filter)
          ? sharedCondition(filter)
          : numberCondition(filter, bind, indexed(filter) && !walked.has(filter)),
      ),
    shape: query.filters
      .map((filter) => `${filterShape(filter)}${indexed(filter) ? '' : '+'}`)
      .join(','),
    keptCount: query.filters.every(isCounted) ? () => countedNumbers(db, query.filters) : undefined,
    // A prospect's numbers are few; a lookup of few matches was chosen above from the kept counts. A
    // walk of the sort's index may meet the matches late, and is left to the plan to judge.
    boundedCost:
      onlyCountedOrProspect &&
      (lookUp ||
        query.filters.some((filter) => filter.name === 'prospect.id' || exactNumber(filter))),
  };
}

export async function listPhoneNumbers(db: Kysely<Database>, query: CollectionQuery) {
  return listCollection(db, await phoneNumberSource(db, query), query);
}

/**
 * In a write's transaction: holds the prospect's numbers for this transaction alone, so that checks and
 * writes across them (a duplicate, the next order, an exchange of orders) are not interleaved with another
 * write's. SQLite gives each write transaction the whole database already; PostgreSQL locks the prospect's
 * row until the transaction ends.
 */
export async function lockNumbersOf(db: Kysely<Database>, prospectId: number): Promise<void> {
  if (engineOf(db) === 'sqlite') return;
  await db.selectFrom('prospects').select('id').where('id', '=', prospectId).forUpdate().execute();
}

/** A number, read in a write's transaction once its prospect's numbers are held (`lockNumbersOf`). */
export async function findPhoneNumberToWrite(
  db: Kysely<Database>,
  id: number,
): Promise<PhoneNumberListRow | undefined> {
  const seen = await findPhoneNumber(db, id);
  if (seen === undefined || engineOf(db) === 'sqlite') return seen;
  // A number never moves to another prospect: read again once no other write holds its prospect.
  await lockNumbersOf(db, seen.prospect_id);
  return findPhoneNumber(db, id);
}

export function findPhoneNumber(
  db: Kysely<Database>,
  id: number,
): Promise<PhoneNumberListRow | undefined> {
  return selectWithOwner(db).where('pn.id', '=', id).executeTakeFirst();
}

/** Phone numbers of some prospects, in their order: for the prospect's derived phone arrays. */
export function phoneNumbersOfProspects(db: Kysely<Database>, prospectIds: readonly number[]) {
  if (prospectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('phone_numbers')
    .select(['prospect_id', 'number', 'extension', 'phone_type'])
    .where('prospect_id', 'in', prospectIds)
    .orderBy('prospect_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function hasDuplicate(
  db: Kysely<Database>,
  candidate: { prospectId: number; number: string; extension: string | null; exceptId?: number },
): Promise<boolean> {
  let query = db
    .selectFrom('phone_numbers')
    .select('id')
    .where('prospect_id', '=', candidate.prospectId)
    .where('number', '=', candidate.number)
    .where(sql<string>`coalesce(extension, '')`, '=', candidate.extension ?? '');
  if (candidate.exceptId !== undefined) query = query.where('id', '!=', candidate.exceptId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * The order that puts a new number last among the prospect's numbers. When the last one already has the
 * highest order PATCH accepts, the prospect's numbers are first renumbered 0, 1, 2, … in their order (their
 * updatedAt moves with it), so the server never hands out an order it would then refuse; `moved` says
 * which numbers were renumbered, for the audit trail. Run it in the transaction that inserts the number.
 */
export async function nextOrder(
  db: Kysely<Database>,
  prospectId: number,
  at: string,
): Promise<{ order: number; moved: PhoneNumberChange[] }> {
  const row = await db
    .selectFrom('phone_numbers')
    .select((eb) => eb.fn.max('sort_order').as('highest'))
    .where('prospect_id', '=', prospectId)
    .executeTakeFirst();
  if (row?.highest == null) return { order: 0, moved: [] };
  if (row.highest < MAX_ORDER) return { order: row.highest + 1, moved: [] };
  const numbers = await db
    .selectFrom('phone_numbers')
    .selectAll()
    .where('prospect_id', '=', prospectId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const moved: PhoneNumberChange[] = [];
  for (const [index, before] of numbers.entries()) {
    if (before.sort_order === index) continue;
    await updatePhoneNumber(db, before.id, { sort_order: index, updated_at: at });
    moved.push({ before, after: await findPhoneNumberRow(db, before.id) });
  }
  return { order: numbers.length, moved };
}

export async function insertPhoneNumber(
  db: Kysely<Database>,
  values: NewPhoneNumber,
): Promise<number> {
  const { id } = await db
    .insertInto('phone_numbers')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Writes the changes and moves the version on, in one statement; with `expectedVersion`, only if the
 * number is still at that version (If-Match), so that a check and its write cannot be split by another
 * write. False when no row was changed.
 */
export async function updatePhoneNumber(
  db: Kysely<Database>,
  id: number,
  changes: Updateable<PhoneNumbersTable>,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('phone_numbers')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const { numUpdatedRows } = await query.executeTakeFirst();
  return numUpdatedRows > 0n;
}

/**
 * The prospect's other number that holds `order`, if one does (the lowest id, where a tie is already
 * there), for a reorder to swap with.
 */
export function findOrderHolder(
  db: Kysely<Database>,
  { prospectId, order, exceptId }: { prospectId: number; order: number; exceptId: number },
): Promise<PhoneNumberRow | undefined> {
  return db
    .selectFrom('phone_numbers')
    .selectAll()
    .where('prospect_id', '=', prospectId)
    .where('sort_order', '=', order)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** A number as stored, without its prospect's owner. */
export function findPhoneNumberRow(
  db: Kysely<Database>,
  id: number,
): Promise<PhoneNumberRow | undefined> {
  return db.selectFrom('phone_numbers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes the number; with `expectedVersion`, only if it is still at that version. */
export async function deletePhoneNumber(
  db: Kysely<Database>,
  id: number,
  expectedVersion?: number,
): Promise<boolean> {
  let query = db.deleteFrom('phone_numbers').where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const { numDeletedRows } = await query.executeTakeFirst();
  return numDeletedRows > 0n;
}
