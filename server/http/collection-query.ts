import {
  CompiledQuery,
  sql,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { engineOf } from '../db/engine';
import type { Database, RowCountsTable } from '../db/schema';
import { longRead } from '../db/worker-sqlite-dialect';
import {
  columnValue,
  fetchPage,
  filterCondition,
  filterShape,
  keysetCondition,
  orderTerms,
  type Bind,
  type OrderTerm,
  type Page,
  type PageSelect,
} from './pagination';
import {
  sortSignature,
  type CollectionQuery,
  type Cursor,
  type KeyValue,
  type ParsedFilter,
} from './query';

/** Runs compiled queries: the Kysely instance (whose executor tells the engine). */
export type QueryExecutor = Pick<Kysely<unknown>, 'executeQuery' | 'getExecutor'>;

/** What a resource contributes to a collection query. */
export interface CollectionSource<DB, TB extends keyof DB, Row> {
  /** Names the base query among the cached query shapes. */
  name: string;
  /** Selects the rows, before conditions, order and limit. */
  base: () => SelectQueryBuilder<DB, TB, Row>;
  /**
   * The rows a count reads, at most `limit`, when fewer tables than `base` will do (a join that the
   * conditions do not need costs a lookup per counted row).
   */
  countRows?: (
    conditions: Expression<SqlBool>[],
    limit: Expression<number>,
  ) => { compile: () => CompiledQuery };
  /**
   * The resource's filter conditions, every value passed through `bind`; the filters in `walked` are
   * written so that no index serves them (the sort's index is walked instead, see listCollection).
   */
  conditions: (bind: Bind, walked: ReadonlySet<ParsedFilter>) => Expression<SqlBool>[];
  /** Everything that decides the SQL text of those conditions, apart from their values. */
  shape: string;
  /** Reads the count the database keeps for this query's filters, when it keeps one. */
  keptCount?: (() => Promise<number>) | undefined;
  /** The source chose its conditions knowing what they cost: its pages never run as long reads. */
  boundedCost?: boolean;
  /**
   * The table (with its alias, e.g. `"phone_numbers" as "pn"`) whose index entries give the keys
   * (`column`, e.g. `pn.id`) of a page's rows. A page searched first (see listCollection) then sorts
   * the matches' index entries alone, and `base` reads only the page's rows: not a row and a join for
   * each of thousands of matches. The query must search the conditions' index, not walk the order's:
   * the quick count has found few matches (see `pageKeysQuery`).
   */
  pageKeys?: {
    column: string;
    table: Expression<unknown>;
  };
}

/** `meta` of a collection asked for with count=true. */
export type CountMeta = { count: number } | { countExceeds: number };

/**
 * Counted on the main connection, when the plan is short: most filtered views have fewer rows, and a
 * range that holds fewer is searched rather than walked (see listCollection).
 */
const QUICK_COUNT_LIMIT = 5_000;
/** Counted on the long-read connection; past it, meta says only that there are more. */
export const COUNT_LIMIT = 100_000;

/** The number of rows of a table, which triggers keep in row_counts. */
export async function keptRowCount(
  db: Kysely<Database>,
  table: RowCountsTable['table_name'],
): Promise<number> {
  const row = await db
    .selectFrom('row_counts')
    .select('row_count')
    .where('table_name', '=', table)
    .executeTakeFirstOrThrow();
  return row.row_count;
}

/** The conditions and shape of a query's filters. */
export function filterConditions(filters: readonly ParsedFilter[]) {
  return {
    conditions: (bind: Bind, walked: ReadonlySet<ParsedFilter>) =>
      filters.map((filter) => filterCondition(filter, bind, !walked.has(filter))),
    shape: filters.map(filterShape).join(','),
  };
}

/** Stands for the value a query's n-th `bind` call receives, while its SQL is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  sql: string;
  parameters: readonly unknown[];
  /** Whether the query plan may read far more rows than it returns (see `isLongPlan`). */
  long: boolean;
}

const TEMPLATE_CACHE_SIZE = 1000;
const templates = new Map<string, Template>();

/**
 * Whether a query plan may read far more rows than the query returns: it sorts in a temporary B-tree
 * (every matching row is read before the first is returned), or it walks a table or an index while
 * filters discard rows (the walk may go to the end before it finds a page). A walk with nothing to
 * discard stops at the LIMIT, and a SEARCH reads only the rows its index range holds.
 */
export function isLongPlan(details: readonly string[], filtered: boolean): boolean {
  return details.some(
    (detail) => detail.includes('TEMP B-TREE') || (filtered && /^SCAN (?!counted\b)/.test(detail)),
  );
}

/** The details of a query's plan, as EXPLAIN QUERY PLAN gives them. */
export async function planOf(
  db: QueryExecutor,
  query: { sql: string; parameters: readonly unknown[] },
): Promise<string[]> {
  const plan = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  return plan.rows.map((row) => row.detail);
}

/**
 * Builds and compiles a query once per shape and afterwards only gathers its values: Kysely builds and
 * compiles every query anew, which costs about as much as running the small indexed queries a page
 * needs. `bound` must pass every value of the query through `bind`, in an order that depends only on the
 * shape; `key` must name everything else that decides the SQL. On SQLite, the first time, the query's
 * plan decides whether it runs as a long read (see `longRead`); `long` makes it one whatever the plan.
 * PostgreSQL runs each query on a pooled connection of its own, so a long read holds up no other.
 */
async function runShaped<Row, Parts>(
  db: QueryExecutor,
  key: string,
  bound: (bind: Bind) => Parts,
  assemble: (parts: Parts) => { sql: string; parameters: readonly unknown[] },
  options: { filtered: boolean; bounded?: boolean | undefined; long?: boolean },
): Promise<Row[]> {
  const values: KeyValue[] = [];
  bound(<T extends KeyValue>(value: T) => {
    values.push(value);
    return sql<T>`${value}`;
  });
  const withValues = (parameters: readonly unknown[]) =>
    parameters.map((parameter) =>
      parameter instanceof Slot ? values[parameter.index] : parameter,
    );

  const engine = engineOf(db);
  const templateKey = `${engine}|${key}`;
  let template = templates.get(templateKey);
  if (!template) {
    let next = 0;
    const slot: Bind = <T extends KeyValue>() => sql<T>`${new Slot(next++)}`;
    const compiled = assemble(bound(slot));
    const long =
      engine === 'sqlite' &&
      options.bounded !== true &&
      isLongPlan(
        await planOf(db, { sql: compiled.sql, parameters: withValues(compiled.parameters) }),
        options.filtered,
      );
    template = { sql: compiled.sql, parameters: compiled.parameters, long };
    if (templates.size >= TEMPLATE_CACHE_SIZE) {
      const oldest = templates.keys().next();
      if (!oldest.done) templates.delete(oldest.value);
    }
    templates.set(templateKey, template);
  }
  const query = CompiledQuery.raw(template.sql, withValues(template.parameters));
  const result = await db.executeQuery<Row>(
    template.long || options.long === true ? longRead(query) : query,
  );
  return result.rows;
}

function orderedBy<B extends SelectQueryBuilder<never, never, object>>(
  builder: B,
  terms: readonly OrderTerm[],
  plus: boolean,
): B {
  return terms.reduce(
    (b, term) =>
      b.orderBy(plus ? sql`+${sql.ref(term.column)}` : sql.ref(term.column), term.direction) as B,
    builder,
  );
}

type PageKeys = NonNullable<CollectionSource<unknown, never, object>['pageKeys']>;

/** The alias the key column's table has: `pn` of `pn.id`. */
const aliasOf = (keys: PageKeys) => keys.column.slice(0, keys.column.indexOf('.'));

/** The conditions and-ed, or a condition every row meets when there are none. */
const allOf = (conditions: readonly Expression<SqlBool>[]) =>
  conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` and `);

/** What decides a page query's SQL beside its source and sort: the side it reads, and its cursor. */
const pageShapeKey = (side: 'after' | 'before', cursor: Cursor | undefined) =>
  `${side}|${cursor ? (cursor.inclusive ? 'i' : 'x') : '-'}`;

const orderSql = (order: readonly OrderTerm[], plus: boolean) =>
  sql.join(
    order.map(
      (term) => sql`${plus ? sql`+` : sql``}${sql.ref(term.column)} ${sql.raw(term.direction)}`,
    ),
  );

/**
 * PostgreSQL: the matches of the conditions, their keys and the order's columns (at most `limit`),
 * the body of a materialized CTE "matches": gathered first, which keeps the planner from walking the
 * sort's index for them instead. Read as the key's table alias, the order's columns name its own.
 */
function matchesQuery(
  keys: PageKeys,
  conditions: readonly Expression<SqlBool>[],
  order: readonly OrderTerm[],
  limit?: Expression<number>,
) {
  const columns = sql.join(
    [...new Set([keys.column, ...order.map((term) => term.column)])].map((column) =>
      sql.ref(column),
    ),
  );
  return sql`select ${columns} from ${keys.table} where ${allOf(conditions)}${limit === undefined ? sql`` : sql` limit ${limit}`}`;
}

/**
 * The keys of a page of few matches, sorted from the index entries of the conditions' range (see
 * CollectionSource.pageKeys). SQLite: the order written +column, which no index gives, so the range is
 * searched (its bytecode reads the sort's columns from an index that holds them, decision 0053).
 * PostgreSQL: from the matches gathered first (`matchesQuery`).
 */
function pageKeysQuery(
  sqlite: boolean,
  keys: PageKeys,
  conditions: readonly Expression<SqlBool>[],
  order: readonly OrderTerm[],
  limit: Expression<number>,
) {
  if (sqlite) {
    return sql`select ${sql.ref(keys.column)} from ${keys.table} where ${allOf(conditions)} order by ${orderSql(order, true)} limit ${limit}`;
  }
  return sql`with "matches" as materialized (${matchesQuery(keys, conditions, order)}) ${keysFromMatches(keys, [], order, limit)}`;
}

/** PostgreSQL: a page's keys, sorted from the CTE "matches" (`matchesQuery`), past a cursor if any. */
function keysFromMatches(
  keys: PageKeys,
  conditions: readonly Expression<SqlBool>[],
  order: readonly OrderTerm[],
  limit: Expression<number>,
) {
  return sql`select ${sql.ref(keys.column)} from "matches" as ${sql.id(aliasOf(keys))} where ${allOf(conditions)} order by ${orderSql(order, false)} limit ${limit}`;
}

/**
 * PostgreSQL: a page of few matches and their count in one query, where the quick count and the page
 * would each search the conditions' range: the matches (up to the quick count's limit and one more)
 * gathered once, counted, and the page's keys sorted from them. `matched` is undefined when the page
 * has no row; over the quick count's limit, the rows are not the page (the matches were cut short).
 */
async function pageAndCount<DB, TB extends keyof DB, Row extends object>(
  db: QueryExecutor,
  source: CollectionSource<DB, TB, Row>,
  keys: PageKeys,
  query: CollectionQuery,
  { cursor, side, limit }: Parameters<PageSelect<Row>>[0],
): Promise<{ rows: Row[]; matched: number | undefined }> {
  const rows = await runShaped<
    Row & { matched: number },
    {
      conditions: Expression<SqlBool>[];
      keyset: Expression<SqlBool> | undefined;
      matchesLimit: Expression<number>;
      limit: Expression<number>;
    }
  >(
    db,
    `${source.name}|${source.shape}|${sortSignature(query.sort)}|c|${pageShapeKey(side, cursor)}`,
    (bind) => ({
      conditions: source.conditions(bind, new Set()),
      matchesLimit: bind(QUICK_COUNT_LIMIT + 1),
      keyset: cursor ? keysetCondition(query.sort, cursor, side, bind) : undefined,
      limit: bind(limit),
    }),
    ({ conditions, matchesLimit, keyset, limit: bound }) => {
      const terms = orderTerms(query.sort, side === 'before');
      const pageKeys = keysFromMatches(keys, keyset ? [keyset] : [], terms, bound);
      const page = orderedBy(
        source
          .base()
          .select(sql<number>`(select count(*) from "matches")::integer`.as('matched'))
          .where(sql<SqlBool>`${sql.ref(keys.column)} in (${pageKeys})`),
        terms,
        false,
      );
      return sql`with "matches" as materialized (${matchesQuery(keys, conditions, terms, matchesLimit)}) ${page}`.compile(
        db,
      );
    },
    { filtered: true },
  );
  const matched = rows[0]?.matched;
  for (const row of rows) Reflect.deleteProperty(row, 'matched');
  return { rows, matched };
}

/**
 * One page of a collection and, when asked, its total: the source selects and filters; the keyset,
 * order and limit are added here.
 */
export async function listCollection<DB, TB extends keyof DB, Row extends object>(
  db: QueryExecutor,
  source: CollectionSource<DB, TB, Row>,
  query: CollectionQuery,
): Promise<{ page: Page<Row>; meta: CountMeta | undefined }> {
  const sort = sortSignature(query.sort);
  const filtered = query.filters.length > 0 || query.search !== undefined;
  const sqlite = engineOf(db) === 'sqlite';
  // For a range on another column than the sort's first, the database may walk the sort's index and
  // test each row (the whole table when none matches) or search the range and sort every row it holds
  // (the whole table when all match). PostgreSQL's planner weighs these from its statistics; for SQLite,
  // a quick count tells which costs less: when the range holds few rows, the order is written +column,
  // which no index can give, so SQLite searches the range and sorts its few rows; when it holds many,
  // the range is written +column, so SQLite walks the sort's index and stops at the page. A source
  // with `pageKeys` is counted on both engines: its few rows are sorted as keys alone. A filter whose
  // values may match few rows or many (`countFirst`) is weighed like a range.
  const rangesElsewhere = query.filters.filter(
    (filter) =>
      (sqlite || source.pageKeys !== undefined) &&
      filter.spec.column !== query.sort[0]?.column &&
      (filter.spec.countFirst === true ||
        filter.terms.some(
          (term) => term.kind === 'range' && (term.from !== undefined || term.to !== undefined),
        )),
  );
  // PostgreSQL counts a search's few matches in its first page's query (`pageAndCount`).
  const countedInPage =
    !sqlite &&
    source.pageKeys !== undefined &&
    rangesElsewhere.length > 0 &&
    rangesElsewhere.every((filter) => filter.spec.fewMatches === true);
  let few =
    rangesElsewhere.length > 0 && !countedInPage
      ? await countUpTo(db, source, filtered, QUICK_COUNT_LIMIT)
      : undefined;
  const select: PageSelect<Row> = ({ cursor, side, limit }) => {
    const searchFirst = few !== undefined && few <= QUICK_COUNT_LIMIT;
    const walked = new Set(sqlite && few !== undefined && !searchFirst ? rangesElsewhere : []);
    const keysFirst = searchFirst ? source.pageKeys : undefined;
    const key = `${source.name}|${source.shape}|${sort}|${searchFirst ? 's' : walked.size > 0 ? 'w' : ''}|${pageShapeKey(side, cursor)}`;
    return runShaped<Row, { conditions: Expression<SqlBool>[]; limit: Expression<number> }>(
      db,
      key,
      (bind) => ({
        conditions: [
          ...source.conditions(bind, walked),
          ...(cursor ? [keysetCondition(query.sort, cursor, side, bind)] : []),
        ],
        limit: bind(limit),
      }),
      ({ conditions, limit: bound }) => {
        const terms = orderTerms(query.sort, side === 'before');
        if (keysFirst) {
          const keys = pageKeysQuery(sqlite, keysFirst, conditions, terms, bound);
          const page = source.base().where(sql<SqlBool>`${sql.ref(keysFirst.column)} in (${keys})`);
          return orderedBy(page, terms, false).compile();
        }
        const builder = conditions.reduce((b, condition) => b.where(condition), source.base());
        return orderedBy(builder, terms, sqlite && searchFirst)
          .limit(bound)
          .compile();
      },
      // Searched first, the rows to sort are the few the quick count found.
      { filtered, bounded: source.boundedCost === true || searchFirst },
    );
  };
  // The first select counts too; the selects after it (a neighbour's check) know the plan.
  let countingKeys = countedInPage ? source.pageKeys : undefined;
  const page = await fetchPage<Row>(
    query,
    (row) => query.sort.map((key) => columnValue(row, key.column)),
    async (request) => {
      if (countingKeys === undefined) return select(request);
      const keys = countingKeys;
      countingKeys = undefined;
      const counted = await pageAndCount(db, source, keys, query, request);
      // No row and no cursor: nothing matches. Past a cursor, the count is still to be had.
      few =
        counted.matched ??
        (request.cursor ? await countUpTo(db, source, filtered, QUICK_COUNT_LIMIT) : 0);
      return few <= QUICK_COUNT_LIMIT ? counted.rows : select(request);
    },
  );
  if (!query.count) return { page, meta: undefined };
  // A first page that has every row has counted them.
  if (!query.after && !query.before && !page.next)
    return { page, meta: { count: page.rows.length } };
  if (source.keptCount) return { page, meta: { count: await source.keptCount() } };
  // A range counted before the page has had its quick count.
  const quick = few ?? (await countUpTo(db, source, filtered, QUICK_COUNT_LIMIT));
  if (quick <= QUICK_COUNT_LIMIT) return { page, meta: { count: quick } };
  const full = await countUpTo(db, source, filtered, COUNT_LIMIT, true);
  return { page, meta: full <= COUNT_LIMIT ? { count: full } : { countExceeds: COUNT_LIMIT } };
}

/**
 * Counts a collection's rows up to `limit` + 1 (more means "more than `limit`"): on the main connection
 * when the plan reads only what it counts, and otherwise, or with `long`, as a long read.
 */
async function countUpTo<DB, TB extends keyof DB, Row>(
  db: QueryExecutor,
  source: CollectionSource<DB, TB, Row>,
  filtered: boolean,
  limit: number,
  long = false,
): Promise<number> {
  const [row] = await runShaped<
    { count: number },
    { conditions: Expression<SqlBool>[]; limit: Expression<number> }
  >(
    db,
    `${source.name}|${source.shape}|count`,
    (bind) => ({ conditions: source.conditions(bind, new Set()), limit: bind(limit + 1) }),
    ({ conditions, limit: bound }) => {
      const inner = source.countRows
        ? source.countRows(conditions, bound).compile()
        : conditions
            .reduce((builder, condition) => builder.where(condition), source.base())
            .clearSelect()
            .select(sql<number>`1`.as('one'))
            .limit(bound)
            .compile();
      return {
        sql: `select count(*) as "count" from (${inner.sql}) as "counted"`,
        parameters: inner.parameters,
      };
    },
    { filtered, long },
  );
  return row?.count ?? 0;
}
