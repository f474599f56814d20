import * as z from 'zod/mini';
import { ISO_COUNTRY_CODES } from '@contract/iso-countries';
import { MAX_STRING_LENGTH, PHONE_STATUSES, PHONE_TYPES } from '@contract/phone-number-values';

/** The attributes the grid sorts on, in the API's names. */
export const PHONE_NUMBER_SORT_FIELDS = [
  'number',
  'phoneType',
  'status',
  'order',
  'updatedAt',
] as const;
export type PhoneNumberSortField = (typeof PHONE_NUMBER_SORT_FIELDS)[number];
export type PhoneNumberSort = PhoneNumberSortField | `-${PhoneNumberSortField}`;

/** Every sort the grid offers: each attribute, ascending then descending. */
export const PHONE_NUMBER_SORTS: readonly PhoneNumberSort[] = PHONE_NUMBER_SORT_FIELDS.flatMap(
  (field) => [field, `-${field}`] as const,
);

export const isPhoneNumberSort = (value: string): value is PhoneNumberSort =>
  (PHONE_NUMBER_SORTS as readonly string[]).includes(value);

/** How tall the grid's rows are: the DataGrid's densities. */
export const GRID_DENSITIES = ['compact', 'standard', 'comfortable'] as const;
export type GridDensity = (typeof GRID_DENSITIES)[number];
const DEFAULT_DENSITY: GridDensity = 'standard';

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** Cursors are the server's and opaque; this only keeps absurd ones out of the address bar. */
const MAX_CURSOR_LENGTH = 2048;

/**
 * The grid's view, as the page's search parameters hold it: the URL is the state, so a reload, a shared
 * link and back/forward all show the same view.
 */
export interface PhoneNumberListState {
  /** The prospect the list is narrowed to; all numbers when undefined. */
  prospect: number | undefined;
  /** The sort chosen; undefined means the view's default (see `sortOf`). */
  sort: PhoneNumberSort | undefined;
  /**
   * The types and statuses filtered on: this app's values, then any other API's (Outreach's "pending"),
   * which the server may know (decision 0047).
   */
  types: readonly string[];
  statuses: readonly string[];
  /** A number, or some of its digits, as the rep wrote it in "Find a number": `filter[number]`. */
  number: string | undefined;
  /** The countries filtered on, ISO codes: `filter[countryCode]`. */
  countries: readonly string[];
  /**
   * The user whose prospects' numbers are shown ("My prospects" when it is the signed-in user's id):
   * `filter[prospect][owner][id]`. Never beside a prospect, which has one owner already.
   */
  owner: number | undefined;
  /**
   * The days, in the rep's time zone, the numbers were last changed between, both included
   * (`YYYY-MM-DD`; either may be open): `filter[updatedAt]`. In the URL as `updated=from..to`.
   */
  updatedFrom: string | undefined;
  updatedTo: string | undefined;
  /** How tall the rows are; only shown, so not in what a page is fetched with. */
  density: GridDensity;
  size: PageSize;
  /** The 1-based page number, only shown: the cursors decide which rows come. */
  page: number;
  /** A cursor copied from the server's links.next (`page[after]`) or links.prev (`page[before]`). */
  after: string | undefined;
  before: string | undefined;
}

const positiveInteger = z.pipe(
  z.pipe(z.string().check(z.regex(/^[1-9]\d*$/)), z.transform(Number)),
  z.number().check(z.maximum(Number.MAX_SAFE_INTEGER)),
);

/**
 * A comma list of values, once each: the known ones in their canonical order, then the others as given.
 * Empty ones, and ones longer than any the API takes, are dropped.
 */
const filterValues = (known: readonly string[]) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((list = ''): string[] => {
      const given = new Set(
        list.split(',').filter((value) => value !== '' && value.length <= MAX_STRING_LENGTH),
      );
      const others = [...given].filter((value) => !known.includes(value));
      return [...known.filter((value) => given.has(value)), ...others];
    }),
  );

/**
 * A comma list of ISO country codes, once each, in the codes' order; any case is read, and what is not a
 * code is dropped (the server would refuse it).
 */
const countryCodes = z.pipe(
  z.optional(z.string()),
  z.transform((list = ''): string[] => {
    const given = new Set(list.toUpperCase().split(','));
    return ISO_COUNTRY_CODES.filter((code) => given.has(code));
  }),
);

/** What was typed, without the spaces around it; nothing typed is no search. */
const numberSearch = z.pipe(
  z.catch(z.optional(z.string().check(z.maxLength(MAX_STRING_LENGTH))), undefined),
  z.transform((value) => (value?.trim() ? value.trim() : undefined)),
);

/** A day of the calendar, `YYYY-MM-DD`, one that exists (not February 30th). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * `from..to`, either side empty for an open range; a day that does not exist makes its side open, and
 * a range given backwards is read forwards.
 */
const dayRange = z.pipe(
  z.optional(z.string()),
  z.transform((range = ''): [string | undefined, string | undefined] => {
    const [from = '', to = '', ...rest] = range.split('..');
    if (rest.length > 0) return [undefined, undefined];
    const day = (value: string) => (isCalendarDay(value) ? value : undefined);
    const [a, b] = [day(from), day(to)];
    return a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
  }),
);

const cursor = z.catch(
  z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CURSOR_LENGTH))),
  undefined,
);

const searchParamsSchema = z.pipe(
  z.object({
    prospect: z.catch(z.optional(positiveInteger), undefined),
    sort: z.catch(z.optional(z.enum(PHONE_NUMBER_SORTS)), undefined),
    type: filterValues(PHONE_TYPES),
    status: filterValues(PHONE_STATUSES),
    number: numberSearch,
    country: countryCodes,
    owner: z.catch(z.optional(positiveInteger), undefined),
    updated: dayRange,
    density: z._default(z.catch(z.enum(GRID_DENSITIES), DEFAULT_DENSITY), DEFAULT_DENSITY),
    size: z._default(
      z.catch(
        z.pipe(z.pipe(z.string(), z.transform(Number)), z.literal(PAGE_SIZES)),
        DEFAULT_PAGE_SIZE,
      ),
      DEFAULT_PAGE_SIZE,
    ),
    page: z._default(z.catch(positiveInteger, 1), 1),
    after: cursor,
    before: cursor,
  }),
  z.transform((params): PhoneNumberListState => {
    const { prospect, sort, type, status, number, country, density, size } = params;
    const [updatedFrom, updatedTo] = params.updated;
    const owner = prospect === undefined ? params.owner : undefined;
    const view = {
      prospect,
      sort,
      types: type,
      statuses: status,
      number,
      countries: country,
      owner,
      updatedFrom,
      updatedTo,
      density,
      size,
    };
    // Two cursors contradict each other, and a page without one is the first.
    if (params.after !== undefined && params.before !== undefined) {
      return { ...view, page: 1, after: undefined, before: undefined };
    }
    if (params.after !== undefined) {
      return { ...view, page: Math.max(params.page, 2), after: params.after, before: undefined };
    }
    if (params.before !== undefined) {
      return { ...view, page: params.page, after: undefined, before: params.before };
    }
    return { ...view, page: 1, after: undefined, before: undefined };
  }),
);

/** Never fails: a bad or stale parameter falls back to its default. */
export function parsePhoneNumberListState(searchParams: URLSearchParams): PhoneNumberListState {
  return searchParamsSchema.parse(Object.fromEntries(searchParams));
}

/** Commas stay readable in the address bar; everything else is encoded. */
const encode = (value: string) => encodeURIComponent(value).replace(/%2C/gi, ',');

/** The canonical search string of a state ('' or '?…'), leaving out what is the default. */
export function serializePhoneNumberListState(state: PhoneNumberListState): string {
  const entries: [string, string][] = [];
  if (state.prospect !== undefined) entries.push(['prospect', String(state.prospect)]);
  if (state.sort !== undefined) entries.push(['sort', state.sort]);
  if (state.types.length > 0) entries.push(['type', state.types.join(',')]);
  if (state.statuses.length > 0) entries.push(['status', state.statuses.join(',')]);
  if (state.number !== undefined) entries.push(['number', state.number]);
  if (state.countries.length > 0) entries.push(['country', state.countries.join(',')]);
  if (state.owner !== undefined) entries.push(['owner', String(state.owner)]);
  if (state.updatedFrom !== undefined || state.updatedTo !== undefined) {
    entries.push(['updated', `${state.updatedFrom ?? ''}..${state.updatedTo ?? ''}`]);
  }
  if (state.density !== DEFAULT_DENSITY) entries.push(['density', state.density]);
  if (state.size !== DEFAULT_PAGE_SIZE) entries.push(['size', String(state.size)]);
  if (state.page !== 1) entries.push(['page', String(state.page)]);
  if (state.after !== undefined) entries.push(['after', state.after]);
  if (state.before !== undefined) entries.push(['before', state.before]);
  const query = entries.map(([name, value]) => `${name}=${encode(value)}`).join('&');
  return query === '' ? '' : `?${query}`;
}

/** One prospect's numbers in their order; all numbers with the latest change first. */
export function sortOf(state: PhoneNumberListState): PhoneNumberSort {
  return state.sort ?? (state.prospect === undefined ? '-updatedAt' : 'order');
}

export type PhoneNumberViewChange = Partial<
  Pick<
    PhoneNumberListState,
    | 'prospect'
    | 'sort'
    | 'types'
    | 'statuses'
    | 'number'
    | 'countries'
    | 'owner'
    | 'updatedFrom'
    | 'updatedTo'
    | 'size'
  >
>;

/** Another prospect, sort, filter or page size: back to the first page. */
export function changeView(
  state: PhoneNumberListState,
  change: PhoneNumberViewChange,
): PhoneNumberListState {
  return { ...state, ...change, page: 1, after: undefined, before: undefined };
}

export function firstPage(state: PhoneNumberListState): PhoneNumberListState {
  return changeView(state, {});
}

/** The page after this one, named by the cursor of the server's links.next. */
export function nextPage(state: PhoneNumberListState, cursor: string): PhoneNumberListState {
  return { ...state, page: state.page + 1, after: cursor, before: undefined };
}

/**
 * The page before this one, named by the cursor of the server's links.prev; the first page has no
 * cursor, and neither does a page whose server gave no links.prev.
 */
export function previousPage(
  state: PhoneNumberListState,
  cursor: string | undefined,
): PhoneNumberListState {
  if (state.page <= 2 || cursor === undefined) return firstPage(state);
  return { ...state, page: state.page - 1, after: undefined, before: cursor };
}
