import { sql, type Expression, type SqlBool } from 'kysely';
import { badRequest } from '../http/errors';
import type { FilterSpec, ParsedFilter } from '../http/query';

/**
 * `filter[shared]=true`: the numbers whose E.164 another prospect holds too, whatever the extension
 * (decision 0058); `false`: the numbers no other prospect holds. One condition on each row, an EXISTS
 * that looks the number up in its index, so the page and its count stay one statement each.
 */

const SHARED_DESCRIPTION =
  'true: the numbers another prospect also holds (the same E.164, whatever the extension); false: the ' +
  'numbers no other prospect holds. Sort by number to have each shared number’s holders together. ' +
  'For admins only: anyone else gets a 403.';

// The names tell the shapes apart (collection-query.ts caches a query's SQL by its filters' names).
const SHARED = 'shared';
const NOT_SHARED = 'notShared';

/** The one filter `filter[shared]` stands for. */
export function sharedFilters(parameter: string, raw: string): ParsedFilter[] {
  if (raw !== 'true' && raw !== 'false') {
    throw badRequest(parameter, `${parameter} is true or false; "${raw.slice(0, 80)}" is neither.`);
  }
  return [
    {
      name: raw === 'true' ? SHARED : NOT_SHARED,
      spec: sharedFilterSpec,
      terms: [{ kind: 'equals', value: raw }],
    },
  ];
}

export const sharedFilterSpec: FilterSpec = {
  column: 'pn.number',
  kind: { enum: ['true', 'false'] },
  ranges: false,
  interpret: sharedFilters,
  description: SHARED_DESCRIPTION,
};

export const isSharedFilter = (filter: ParsedFilter) =>
  filter.name === SHARED || filter.name === NOT_SHARED;

/** Whether another prospect holds the row's number (`pn`), or, for `filter[shared]=false`, none does. */
export function sharedCondition(filter: ParsedFilter): Expression<SqlBool> {
  const others = sql`select 1 from "phone_numbers" as "other" where "other"."number" = "pn"."number" and "other"."prospect_id" <> "pn"."prospect_id"`;
  return filter.name === SHARED
    ? sql<SqlBool>`exists (${others})`
    : sql<SqlBool>`not exists (${others})`;
}
