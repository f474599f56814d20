import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, ProspectRow } from '../db/schema';
import { engineOf } from '../db/engine';
import { filterConditions, keptRowCount, listCollection } from '../http/collection-query';
import type { Bind } from '../http/pagination';
import type { CollectionQuery, ParsedFilter } from '../http/query';
import { phoneNumbersOfProspects } from '../phone-numbers/repository';
import { wantsField, type ResourceContext } from '../http/resource-context';
import {
  emptyPhones,
  groupPhones,
  PHONE_ARRAY_FIELDS,
  PROSPECT_TYPE,
  prospectResource,
  prospectSummaryResource,
  wantsSummaryAlone,
  type ProspectPhones,
  type ProspectSummary,
} from './resource';
import { searchKey } from './search-key';

const selectProspects = (db: Kysely<Database>) => db.selectFrom('prospects as p').selectAll('p');

/** The greatest code point: key + this is above every string that starts with key. */
const PREFIX_END = '\u{10FFFF}';

/** Prefix search on the full name, the last name or the company, each an index range scan. */
function searchCondition(key: string, bind: Bind): Expression<SqlBool> {
  const ranges = ['p.search_name', 'p.search_last_name', 'p.search_company'].map(
    (column) =>
      sql`(${sql.ref(column)} >= ${bind(key)} and ${sql.ref(column)} < ${bind(key + PREFIX_END)})`,
  );
  return sql<SqlBool>`(${sql.join(ranges, sql` or `)})`;
}

/** The prospects a collection query selects, for `listCollection`. */
export function prospectSource(db: Kysely<Database>, query: CollectionQuery) {
  const key = query.search === undefined ? '' : searchKey(query.search);
  const filters = filterConditions(query.filters);
  return {
    name: 'prospects',
    base: () => selectProspects(db),
    conditions: (bind: Bind, walked: ReadonlySet<ParsedFilter>) => [
      ...filters.conditions(bind, walked),
      ...(key === '' ? [] : [searchCondition(key, bind)]),
    ],
    shape: `${filters.shape}|${key === '' ? '' : 'q'}`,
    keptCount:
      query.filters.length === 0 && key === '' ? () => keptRowCount(db, 'prospects') : undefined,
  };
}

export function listProspects(db: Kysely<Database>, query: CollectionQuery) {
  return listCollection(db, prospectSource(db, query), query);
}

export function findProspect(db: Kysely<Database>, id: number): Promise<ProspectRow | undefined> {
  return selectProspects(db).where('p.id', '=', id).executeTakeFirst();
}

/**
 * A prospect read in a write's transaction: on PostgreSQL its row is locked, so that what the write
 * records as before is what it replaces (SQLite gives each write transaction the whole database).
 */
export function findProspectToWrite(
  db: Kysely<Database>,
  id: number,
): Promise<ProspectRow | undefined> {
  return selectProspects(db)
    .where('p.id', '=', id)
    .$if(engineOf(db) === 'postgres', (select) => select.forUpdate())
    .executeTakeFirst();
}

/**
 * Gives a prospect to another owner in one conditional statement, only if that owner is an active user
 * at that moment; false when nothing changed (decision 0051). On PostgreSQL the owner's row is locked
 * for share by the statement: a deactivation of them not yet committed makes it wait, and it then sees
 * the deactivation; a deactivation that comes later waits for this transaction.
 */
export async function changeOwner(
  db: Kysely<Database>,
  id: number,
  ownerId: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('prospects')
    .set({ owner_id: ownerId, updated_at: at })
    .where('id', '=', id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('users')
          .select('users.id')
          .where('users.id', '=', ownerId)
          .where('users.deactivated_at', 'is', null)
          .$if(engineOf(db) === 'postgres', (select) => select.forShare()),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows !== 0n;
}

export function findProspects(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<ProspectRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectProspects(db).where('p.id', 'in', ids).orderBy('p.id').execute();
}

/** The derived phone arrays of some prospects, loaded in one query. */
export async function phonesOf(
  db: Kysely<Database>,
  prospectIds: readonly number[],
): Promise<(id: number) => ProspectPhones> {
  const grouped = groupPhones(await phoneNumbersOfProspects(db, prospectIds));
  return (id) => grouped.get(id) ?? emptyPhones();
}

/** Prospects as resources, for a response's data or its included members. */
export async function prospectResources(
  db: Kysely<Database>,
  rows: readonly ProspectRow[],
  context: ResourceContext,
) {
  // A sparse fieldset without the phone arrays (a list of numbers including their prospects' names)
  // costs no look-up of them.
  const phones = PHONE_ARRAY_FIELDS.some((name) => wantsField(PROSPECT_TYPE, name, context.fields))
    ? await phonesOf(
        db,
        rows.map((row) => row.id),
      )
    : () => emptyPhones();
  return rows.map((row) => prospectResource(row, phones(row.id), context));
}

/** A phone number of a list, with the summary of its prospect that the list read with it. */
export interface NumberWithProspectSummary {
  prospect_id: number;
  prospect_first_name: string;
  prospect_last_name: string;
  prospect_calls_opt_status: string | null;
  owner_id: number;
}

/**
 * The prospects of a page of phone numbers, for its included members, once each and by id: made from
 * the summary the page read with its numbers when the fieldset asks for no more (as the grid does),
 * without reading them again; otherwise read whole.
 */
export async function prospectResourcesOfNumbers(
  db: Kysely<Database>,
  numbers: readonly NumberWithProspectSummary[],
  context: ResourceContext,
) {
  if (!wantsSummaryAlone(context.fields)) {
    return prospectResourcesByIds(
      db,
      numbers.map((number) => number.prospect_id),
      context,
    );
  }
  const byId = new Map<number, ProspectSummary>();
  for (const number of numbers) {
    byId.set(number.prospect_id, {
      id: number.prospect_id,
      first_name: number.prospect_first_name,
      last_name: number.prospect_last_name,
      calls_opt_status: number.prospect_calls_opt_status,
      owner_id: number.owner_id,
    });
  }
  return [...byId.values()]
    .sort((a, b) => a.id - b.id)
    .map((prospect) => prospectSummaryResource(prospect, context));
}

export async function prospectResourcesByIds(
  db: Kysely<Database>,
  ids: readonly number[],
  context: ResourceContext,
) {
  return prospectResources(db, await findProspects(db, [...new Set(ids)]), context);
}
