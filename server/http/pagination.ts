import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import {
  encodeCursor,
  type CollectionQuery,
  type Cursor,
  type KeyValue,
  type ParsedFilter,
  type SortKey,
} from './query';

/** The value of a sort column in a row: "pn.updated_at" reads row.updated_at. */
export function columnValue(row: object, column: string): KeyValue {
  const value: unknown = Reflect.get(row, column.slice(column.indexOf('.') + 1));
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new Error(`Sort column ${column} is missing from the row`);
  }
  return value;
}

/**
 * Puts a value into a query as a parameter. Conditions take it as an argument so that a query's SQL can be
 * compiled once per shape and reused with other values (see collection-query.ts).
 */
export type Bind = <T extends KeyValue>(value: T) => RawBuilder<T>;

/**
 * A filter as SQL: its terms OR-ed, equal values folded into one IN list. With `indexed` false the column
 * is written +column, which SQLite never looks up in an index: the query then walks the index of its
 * sort and tests each row, the cheaper plan when most rows match.
 */
export function filterCondition(
  { spec, terms }: ParsedFilter,
  bind: Bind,
  indexed = true,
): Expression<SqlBool> {
  const column = indexed ? sql.ref(spec.column) : sql`+${sql.ref(spec.column)}`;
  const equals = terms.flatMap((term) => (term.kind === 'equals' ? [bind(term.value)] : []));
  const parts = terms.flatMap((term) => {
    if (term.kind === 'equals') return [];
    const bounds = [
      ...(term.from === undefined ? [] : [sql`${column} >= ${bind(term.from)}`]),
      ...(term.to === undefined ? [] : [sql`${column} <= ${bind(term.to)}`]),
    ];
    return [bounds.length === 0 ? sql`1 = 1` : sql`(${sql.join(bounds, sql` and `)})`];
  });
  if (equals.length > 0) parts.unshift(sql`${column} in (${sql.join(equals)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** What decides a filter's SQL text, apart from its values. */
export function filterShape({ name, terms }: ParsedFilter): string {
  const kinds = terms.map((term) =>
    term.kind === 'equals'
      ? 'e'
      : `r${term.from === undefined ? '' : 'f'}${term.to === undefined ? '' : 't'}`,
  );
  return `${name}:${kinds.join('')}`;
}

/**
 * Rows strictly after (or before) a cursor in the sort order: the keyset condition
 * (k1 > v1) or (k1 = v1 and k2 > v2) or …, with each comparison turned for descending keys. The leading
 * k1 >= v1 repeats the first comparison loosely so the database can walk an index from the cursor.
 */
export function keysetCondition(
  sort: readonly SortKey[],
  cursor: Cursor,
  side: 'after' | 'before',
  bind: Bind,
): Expression<SqlBool> {
  const value = (index: number) => bind(cursor.values[index] ?? 0);
  const greater = (key: SortKey) => (key.descending ? side === 'before' : side === 'after');
  const alternatives = sort.map((key, index) => {
    const equalities = sort
      .slice(0, index)
      .map((previous, j) => sql`${sql.ref(previous.column)} = ${value(j)}`);
    const comparison = greater(key)
      ? sql`${sql.ref(key.column)} > ${value(index)}`
      : sql`${sql.ref(key.column)} < ${value(index)}`;
    return sql`(${sql.join([...equalities, comparison], sql` and `)})`;
  });
  if (cursor.inclusive) {
    alternatives.push(
      sql`(${sql.join(
        sort.map((key, index) => sql`${sql.ref(key.column)} = ${value(index)}`),
        sql` and `,
      )})`,
    );
  }
  const first = sort[0];
  if (first === undefined) return sql<SqlBool>`1 = 1`;
  const loose = greater(first)
    ? sql`${sql.ref(first.column)} >= ${value(0)}`
    : sql`${sql.ref(first.column)} <= ${value(0)}`;
  return sql<SqlBool>`(${loose} and (${sql.join(alternatives, sql` or `)}))`;
}

export interface OrderTerm {
  column: string;
  direction: 'asc' | 'desc';
}

export function orderTerms(sort: readonly SortKey[], reverse: boolean): OrderTerm[] {
  return sort.map((key) => ({
    column: key.column,
    direction: key.descending !== reverse ? 'desc' : 'asc',
  }));
}

/**
 * Runs the query a page needs: rows on one side of a cursor (or from the start), in the sort order read
 * from that side, at most `limit` of them.
 */
export type PageSelect<Row> = (request: {
  cursor: Cursor | undefined;
  side: 'after' | 'before';
  limit: number;
}) => Promise<Row[]>;

export interface Page<Row> {
  rows: Row[];
  next: Cursor | undefined;
  prev: Cursor | undefined;
}

/**
 * Keyset pagination: a page starts strictly after (or ends strictly before) the key of a row, so inserts
 * and deletes elsewhere never shift rows between pages. A neighbouring page is linked only if it has rows.
 */
export async function fetchPage<Row>(
  query: CollectionQuery,
  keyOf: (row: Row) => KeyValue[],
  select: PageSelect<Row>,
): Promise<Page<Row>> {
  const { pageSize, after, before } = query;
  const exists = async (cursor: Cursor, side: 'after' | 'before') =>
    (await select({ cursor, side, limit: 1 })).length > 0;
  const flipped = (cursor: Cursor): Cursor => ({
    values: cursor.values,
    inclusive: !cursor.inclusive,
  });

  if (before) {
    const found = await select({ cursor: before, side: 'before', limit: pageSize + 1 });
    const rows = found.slice(0, pageSize).reverse();
    const first = rows[0];
    const last = rows.at(-1);
    const prev =
      found.length > pageSize && first ? { values: keyOf(first), inclusive: false } : undefined;
    const nextAnchor = last ? { values: keyOf(last), inclusive: false } : flipped(before);
    return { rows, prev, next: (await exists(nextAnchor, 'after')) ? nextAnchor : undefined };
  }

  const found = await select({ cursor: after, side: 'after', limit: pageSize + 1 });
  const rows = found.slice(0, pageSize);
  const first = rows[0];
  const last = rows.at(-1);
  const next =
    found.length > pageSize && last ? { values: keyOf(last), inclusive: false } : undefined;
  if (!after) return { rows, next, prev: undefined };
  const prevAnchor = first ? { values: keyOf(first), inclusive: false } : flipped(after);
  return { rows, next, prev: (await exists(prevAnchor, 'before')) ? prevAnchor : undefined };
}

/** Query strings with readable brackets: page[after]=… rather than page%5Bafter%5D=…. */
export function queryString(params: URLSearchParams): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    parts.push(
      `${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`,
    );
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export interface CollectionLinks {
  self: string;
  first: string;
  prev?: string;
  next?: string;
}

export function collectionLinks(
  url: URL,
  sort: readonly SortKey[],
  page: Page<unknown>,
): CollectionLinks {
  const base = `${url.origin}${url.pathname}`;
  const params = new URLSearchParams(url.search);
  const self = base + queryString(params);
  params.delete('page[after]');
  params.delete('page[before]');
  const first = base + queryString(params);
  const withCursor = (name: 'page[after]' | 'page[before]', cursor: Cursor) =>
    `${first}${first.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(encodeCursor(sort, cursor))}`;
  return {
    self,
    first,
    ...(page.prev ? { prev: withCursor('page[before]', page.prev) } : {}),
    ...(page.next ? { next: withCursor('page[after]', page.next) } : {}),
  };
}
