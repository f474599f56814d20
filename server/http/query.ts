import { badRequest } from './errors';

/**
 * Query parameters of the JSON:API families this server supports (filter, sort, page, fields, include) and
 * Outreach's count and provideAuthorizationMeta, parsed against what a resource allows. Anything else is a
 * 400 naming the parameter: a typo should not silently return the whole collection.
 */

export type ValueKind =
  | 'integer'
  | 'string'
  | 'datetime'
  /** `label` names a long set in errors and the API description instead of listing it. */
  | { enum: readonly string[]; label?: string };
export type KeyValue = string | number;

export interface ColumnSpec {
  /** Qualified column, e.g. "pn.updated_at". */
  column: string;
  kind: ValueKind;
}

export interface FilterSpec extends ColumnSpec {
  /** Ranges (a..b) make sense for ordered values, not for enums or ids of another resource. */
  ranges: boolean;
  /**
   * Reads a value its own way (the phone-number search): the filters it stands for, or undefined to
   * read it as a list of values and ranges.
   */
  interpret?: (parameter: string, raw: string) => ParsedFilter[] | undefined;
  /** What the API description says of the filter before its lists and ranges. */
  description?: string;
  /**
   * Its values may each match a handful of rows or much of the table (a country, an owner): like a
   * range, it is counted first to choose between searching its index and walking the sort's (see
   * listCollection).
   */
  countFirst?: boolean;
  /**
   * A search whose matches are usually few (the end of a number): on PostgreSQL its matches are
   * gathered, counted and sorted for the page in one query, not counted first in another (see
   * listCollection). Not for a filter that often matches many rows, which would be gathered for nothing.
   */
  fewMatches?: boolean;
}

export interface QuerySpec {
  /**
   * Filters by dotted name: "number", "prospect.id", "prospect.owner.id"; "q" is handled by the resource
   * itself.
   */
  filters: Readonly<Record<string, FilterSpec | 'search'>>;
  sorts: Readonly<Record<string, ColumnSpec>>;
  /** Always the last sort key, so that every row has a distinct position. */
  tieBreak: ColumnSpec & { attribute: string };
  defaultSort: readonly string[];
  /** Allowed sparse fieldsets by type. */
  fields: Readonly<Record<string, readonly string[]>>;
  includes: readonly string[];
}

export type FilterTerm =
  | { kind: 'equals'; value: KeyValue }
  | { kind: 'range'; from: KeyValue | undefined; to: KeyValue | undefined };

export interface ParsedFilter {
  name: string;
  spec: FilterSpec;
  terms: FilterTerm[];
}

export interface SortKey extends ColumnSpec {
  attribute: string;
  descending: boolean;
}

export interface Cursor {
  values: KeyValue[];
  /** Whether the row at the cursor itself belongs to the page (used for links from an empty page). */
  inclusive: boolean;
}

export interface CollectionQuery {
  filters: ParsedFilter[];
  search: string | undefined;
  sort: SortKey[];
  pageSize: number;
  after: Cursor | undefined;
  before: Cursor | undefined;
  fields: ReadonlyMap<string, ReadonlySet<string>>;
  include: ReadonlySet<string>;
  count: boolean;
  authorizationMeta: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** Terms per filter: values are one IN list, cheap at any length; each range is a comparison per row. */
export const MAX_FILTER_VALUES = 1000;
export const MAX_FILTER_RANGES = 20;
const MAX_PARAMETER_LENGTH = 20_000;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function kindLabel(kind: ValueKind): string {
  if (kind === 'integer') return 'a whole number';
  if (kind === 'datetime') return 'an ISO 8601 date-time such as 2026-01-31T09:00:00Z';
  if (kind === 'string') return 'text';
  return kind.label ?? `one of ${kind.enum.join(', ')}`;
}

export function parseValue(raw: string, kind: ValueKind): KeyValue | undefined {
  if (kind === 'integer') {
    if (!/^-?\d{1,16}$/.test(raw)) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (kind === 'datetime') {
    if (!ISO_DATE_TIME.test(raw)) return undefined;
    const time = Date.parse(raw);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }
  if (kind === 'string') return raw.length <= 255 ? raw : undefined;
  return kind.enum.includes(raw) ? raw : undefined;
}

function parseFilter(parameter: string, name: string, spec: FilterSpec, raw: string): ParsedFilter {
  const items = raw.split(',');
  if (items.length > MAX_FILTER_VALUES) {
    throw badRequest(parameter, `Give at most ${MAX_FILTER_VALUES} values in ${parameter}.`);
  }
  const value = (text: string): KeyValue => {
    // "+" in a query string decodes to a space, so " 14155550100" was meant as "+14155550100".
    const cleaned = spec.kind === 'string' && /^ \d/.test(text) ? `+${text.slice(1)}` : text;
    const parsed = parseValue(cleaned, spec.kind);
    if (parsed === undefined) {
      throw badRequest(
        parameter,
        `${parameter} takes ${kindLabel(spec.kind)}; "${text.slice(0, 80)}" is not.`,
      );
    }
    return parsed;
  };
  const terms = items.map((item): FilterTerm => {
    const bounds = item.split('..');
    if (bounds.length === 1) return { kind: 'equals', value: value(item) };
    if (bounds.length !== 2 || !spec.ranges) {
      throw badRequest(
        parameter,
        spec.ranges
          ? `${parameter} ranges look like a..b, with neginf or inf for an open end.`
          : `${parameter} takes a list of values, not a range.`,
      );
    }
    const [from = '', to = ''] = bounds;
    return {
      kind: 'range',
      from: from === 'neginf' ? undefined : value(from),
      to: to === 'inf' ? undefined : value(to),
    };
  });
  if (terms.filter((term) => term.kind === 'range').length > MAX_FILTER_RANGES) {
    throw badRequest(parameter, `Give at most ${MAX_FILTER_RANGES} ranges in ${parameter}.`);
  }
  return { name, spec, terms };
}

function parseSort(raw: string, spec: QuerySpec): SortKey[] {
  const seen = new Set<string>();
  const keys = raw.split(',').map((item): SortKey => {
    const descending = item.startsWith('-');
    const attribute = descending ? item.slice(1) : item;
    // Object.hasOwn: "constructor" or "__proto__" must not find what every object inherits.
    const column = Object.hasOwn(spec.sorts, attribute) ? spec.sorts[attribute] : undefined;
    if (!column) {
      throw badRequest(
        'sort',
        `Sorting by "${attribute.slice(0, 80)}" is not supported; sort by ${Object.keys(spec.sorts).join(', ')}.`,
      );
    }
    if (seen.has(attribute)) throw badRequest('sort', `"${attribute}" appears twice in sort.`);
    seen.add(attribute);
    return { attribute, descending, ...column };
  });
  // The tie-break follows the last key's direction so that one index serves the whole order.
  if (!seen.has(spec.tieBreak.attribute)) {
    keys.push({ ...spec.tieBreak, descending: keys.at(-1)?.descending ?? false });
  }
  return keys;
}

/** The sort a cursor belongs to; a cursor made for another sort would point nowhere meaningful. */
export function sortSignature(sort: readonly SortKey[]): string {
  return sort.map((key) => (key.descending ? '-' : '') + key.attribute).join(',');
}

export function encodeCursor(sort: readonly SortKey[], cursor: Cursor): string {
  const payload = {
    s: sortSignature(sort),
    k: cursor.values,
    ...(cursor.inclusive ? { i: 1 } : {}),
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor(parameter: string, raw: string, sort: readonly SortKey[]): Cursor {
  const invalid = () =>
    badRequest(
      parameter,
      `${parameter} is not a cursor this server gave out for this sort; follow links.next or links.prev.`,
    );
  if (raw.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalid();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { s, k, i } = payload as Record<string, unknown>;
  if (s !== sortSignature(sort) || !Array.isArray(k) || k.length !== sort.length) throw invalid();
  const values = k.map((value: unknown, index): KeyValue => {
    const key = sort[index];
    if (key === undefined) throw invalid();
    if (typeof value !== 'string' && typeof value !== 'number') throw invalid();
    const parsed = parseValue(String(value), key.kind);
    if (parsed === undefined || typeof parsed !== typeof value) throw invalid();
    return parsed;
  });
  if (i !== undefined && i !== 1) throw invalid();
  return { values, inclusive: i === 1 };
}

function parseBoolean(parameter: string, raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest(parameter, `${parameter} is true or false.`);
}

/** The query parameter of a filter: "prospect.owner.id" is filter[prospect][owner][id]. */
export function filterParameter(path: string): string {
  return `filter[${path.replaceAll('.', '][')}]`;
}

function parseList(raw: string): string[] {
  return raw === '' ? [] : raw.split(',');
}

const FILTER = /^filter((?:\[[^[\]]+\]){1,3})$/;
const FIELDS = /^fields\[([^[\]]+)\]$/;

/**
 * Parses a collection's query string. With `single`, only the parameters that shape one resource
 * (fields, include, provideAuthorizationMeta) are accepted.
 */
export function parseQuery(
  search: URLSearchParams,
  spec: QuerySpec,
  single = false,
): CollectionQuery {
  const raw = new Map<string, string>();
  for (const [name, value] of search) {
    if (raw.has(name)) throw badRequest(name, `${name.slice(0, 80)} is given more than once.`);
    if (value.length > MAX_PARAMETER_LENGTH)
      throw badRequest(name, `${name.slice(0, 80)} is too long.`);
    // No text the store keeps can hold U+0000 (PostgreSQL refuses it), so no filter can match one.
    if (value.includes('\0'))
      throw badRequest(
        name,
        `${name.slice(0, 80)} holds a NUL character (%00), which no value has.`,
      );
    raw.set(name, value);
  }

  const filters: ParsedFilter[] = [];
  let searchText: string | undefined;
  const fields = new Map<string, ReadonlySet<string>>();
  let include = new Set<string>();
  let count = false;
  let authorizationMeta = false;
  let sortParameter: string | undefined;
  let pageSize = DEFAULT_PAGE_SIZE;
  let afterRaw: string | undefined;
  let beforeRaw: string | undefined;
  const collectionOnly = (name: string) => {
    if (single) throw badRequest(name, `${name} applies to collections, not to one resource.`);
  };

  for (const [name, value] of raw) {
    const filter = FILTER.exec(name);
    const fieldset = FIELDS.exec(name);
    if (filter) {
      collectionOnly(name);
      const path = (filter[1] ?? '').slice(1, -1).split('][').join('.');
      const filterSpec = Object.hasOwn(spec.filters, path) ? spec.filters[path] : undefined;
      if (filterSpec === undefined) {
        const allowed = Object.keys(spec.filters).map(filterParameter).join(', ');
        throw badRequest(
          name,
          `Filtering by ${name.slice(0, 80)} is not supported; use ${allowed}.`,
        );
      }
      if (filterSpec === 'search') searchText = value;
      else
        filters.push(
          ...(filterSpec.interpret?.(name, value) ?? [parseFilter(name, path, filterSpec, value)]),
        );
    } else if (fieldset) {
      const [, type = ''] = fieldset;
      const allowed = Object.hasOwn(spec.fields, type) ? spec.fields[type] : undefined;
      if (!allowed)
        throw badRequest(name, `There are no ${type.slice(0, 80)} resources in this response.`);
      const requested = parseList(value);
      const unknown = requested.find((field) => !allowed.includes(field));
      if (unknown !== undefined) {
        throw badRequest(
          name,
          `${type} has no field "${unknown.slice(0, 80)}"; choose from ${allowed.join(', ')}.`,
        );
      }
      fields.set(type, new Set(requested));
    } else if (name === 'include') {
      const requested = parseList(value);
      const unknown = requested.find((path) => !spec.includes.includes(path));
      if (unknown !== undefined) {
        const hint =
          spec.includes.length > 0
            ? `include ${spec.includes.join(', ')}`
            : 'nothing can be included here';
        throw badRequest(name, `"${unknown.slice(0, 80)}" cannot be included; ${hint}.`);
      }
      include = new Set(requested);
    } else if (name === 'sort') {
      collectionOnly(name);
      sortParameter = value;
    } else if (name === 'page[size]') {
      collectionOnly(name);
      const size = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
      if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
        throw badRequest(name, `page[size] is a whole number from 1 to ${MAX_PAGE_SIZE}.`);
      }
      pageSize = size;
    } else if (name === 'page[after]') {
      collectionOnly(name);
      afterRaw = value;
    } else if (name === 'page[before]') {
      collectionOnly(name);
      beforeRaw = value;
    } else if (name === 'count') {
      collectionOnly(name);
      count = parseBoolean(name, value);
    } else if (name === 'provideAuthorizationMeta') {
      authorizationMeta = parseBoolean(name, value);
    } else {
      throw badRequest(name, `Unknown query parameter ${name.slice(0, 80)}.`);
    }
  }

  const sort = parseSort(sortParameter ?? spec.defaultSort.join(','), spec);
  if (afterRaw !== undefined && beforeRaw !== undefined) {
    throw badRequest('page[before]', 'Give page[after] or page[before], not both.');
  }
  return {
    filters,
    search: searchText,
    sort,
    pageSize,
    after: afterRaw === undefined ? undefined : decodeCursor('page[after]', afterRaw, sort),
    before: beforeRaw === undefined ? undefined : decodeCursor('page[before]', beforeRaw, sort),
    fields,
    include,
    count,
    authorizationMeta,
  };
}
