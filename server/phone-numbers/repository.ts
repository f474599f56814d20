import { sql, type Kysely, type Updateable } from 'kysely';
import { MAX_ORDER } from '../../src/lib/phone-number-values';
import type { Database, NewPhoneNumber, PhoneNumberRow, PhoneNumbersTable } from '../db/schema';
import { filterConditions, listCollection } from '../http/collection-query';
import type { CollectionQuery } from '../http/query';

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

export function listPhoneNumbers(db: Kysely<Database>, query: CollectionQuery) {
  return listCollection(
    db,
    { name: 'phoneNumbers', base: () => selectWithOwner(db), ...filterConditions(query.filters) },
    query,
  );
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
 * updatedAt moves with it), so the server never hands out an order it would then refuse. Run it in the
 * transaction that inserts the number.
 */
export async function nextOrder(
  db: Kysely<Database>,
  prospectId: number,
  at: string,
): Promise<number> {
  const row = await db
    .selectFrom('phone_numbers')
    .select((eb) => eb.fn.max('sort_order').as('highest'))
    .where('prospect_id', '=', prospectId)
    .executeTakeFirst();
  if (row?.highest == null) return 0;
  if (row.highest < MAX_ORDER) return row.highest + 1;
  const numbers = await db
    .selectFrom('phone_numbers')
    .select(['id', 'sort_order'])
    .where('prospect_id', '=', prospectId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const [index, { id, sort_order }] of numbers.entries()) {
    if (sort_order !== index)
      await updatePhoneNumber(db, id, { sort_order: index, updated_at: at });
  }
  return numbers.length;
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
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('phone_numbers')
    .select('id')
    .where('prospect_id', '=', prospectId)
    .where('sort_order', '=', order)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
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
