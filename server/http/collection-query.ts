import {
  CompiledQuery,
  sql,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import {
  bindValue,
  columnValue,
  fetchPage,
  filterCondition,
  filterShape,
  keysetCondition,
  orderTerms,
  type Bind,
  type Page,
} from './pagination';
import { sortSignature, type CollectionQuery, type KeyValue, type ParsedFilter } from './query';

/** Runs compiled queries: the Kysely instance. */
type QueryExecutor = Pick<Kysely<unknown>, 'executeQuery'>;

/** What a resource contributes to a collection query. */
export interface CollectionSource<DB, TB extends keyof DB, Row> {
  /** Names the base query among the cached query shapes. */
  name: string;
  /** Selects the rows, before conditions, order and limit. */
  base: () => SelectQueryBuilder<DB, TB, Row>;
  /** The resource's filter conditions, every value passed through `bind`. */
  conditions: (bind: Bind) => Expression<SqlBool>[];
  /** Everything that decides the SQL text of those conditions, apart from their values. */
  shape: string;
}

/** The conditions and shape of a query's filters. */
export function filterConditions(filters: readonly ParsedFilter[]) {
  return {
    conditions: (bind: Bind) => filters.map((filter) => filterCondition(filter, bind)),
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
}

const TEMPLATE_CACHE_SIZE = 1000;
const templates = new Map<string, Template>();

/**
 * Builds and compiles a query once per shape and afterwards only gathers its values: Kysely builds and
 * compiles every query anew, which costs about as much as running the small indexed queries a page
 * needs. `bound` must pass every value of the query through `bind`, in an order that depends only on the
 * shape; `key` must name everything else that decides the SQL.
 */
async function runShaped<Row, Parts>(
  db: QueryExecutor,
  key: string,
  bound: (bind: Bind) => Parts,
  assemble: (parts: Parts) => { compile: () => CompiledQuery<Row> },
): Promise<Row[]> {
  let template = templates.get(key);
  if (!template) {
    let next = 0;
    const slot: Bind = <T extends KeyValue>() => sql<T>`${new Slot(next++)}`;
    const compiled = assemble(bound(slot)).compile();
    template = { sql: compiled.sql, parameters: compiled.parameters };
    if (templates.size >= TEMPLATE_CACHE_SIZE) {
      const oldest = templates.keys().next();
      if (!oldest.done) templates.delete(oldest.value);
    }
    templates.set(key, template);
  }
  const values: KeyValue[] = [];
  bound(<T extends KeyValue>(value: T) => {
    values.push(value);
    return sql<T>`${value}`;
  });
  const parameters = template.parameters.map((parameter) =>
    parameter instanceof Slot ? values[parameter.index] : parameter,
  );
  const result = await db.executeQuery<Row>(CompiledQuery.raw(template.sql, parameters));
  return result.rows;
}

/**
 * One page of a collection and, when asked, its total: the source selects and filters; the keyset,
 * order and limit are added here.
 */
export async function listCollection<DB, TB extends keyof DB, Row extends object>(
  db: QueryExecutor,
  source: CollectionSource<DB, TB, Row>,
  query: CollectionQuery,
): Promise<{ page: Page<Row>; count: number | undefined }> {
  const sort = sortSignature(query.sort);
  const page = await fetchPage<Row>(
    query,
    (row) => query.sort.map((key) => columnValue(row, key.column)),
    ({ cursor, side, limit }) => {
      const key = `${source.name}|${source.shape}|${sort}|${side}|${cursor ? (cursor.inclusive ? 'i' : 'x') : '-'}`;
      return runShaped(
        db,
        key,
        (bind) => ({
          conditions: [
            ...source.conditions(bind),
            ...(cursor ? [keysetCondition(query.sort, cursor, side, bind)] : []),
          ],
          limit: bind(limit),
        }),
        ({ conditions, limit: bound }) => {
          let builder = conditions.reduce((b, condition) => b.where(condition), source.base());
          for (const term of orderTerms(query.sort, side === 'before')) {
            builder = builder.orderBy(sql.ref(term.column), term.direction);
          }
          return builder.limit(bound);
        },
      );
    },
  );
  if (!query.count) return { page, count: undefined };
  const total = await source
    .conditions(bindValue)
    .reduce((builder, condition) => builder.where(condition), source.base())
    .clearSelect()
    .select(sql<number>`count(*)`.as('count'))
    .$castTo<{ count: number }>()
    .executeTakeFirstOrThrow();
  return { page, count: total.count };
}
