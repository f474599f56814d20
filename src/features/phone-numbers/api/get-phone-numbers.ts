import type { ApiClient } from '@/lib/api-client';
import { phoneNumberCollectionSchema, type PhoneNumberPage } from '../schemas/phone-number';
import {
  sortOf,
  type PageSize,
  type PhoneNumberListState,
  type PhoneNumberSort,
} from '../schemas/phone-number-list-state';

export const PHONE_NUMBERS_PATH = 'phoneNumbers';

/** Everything a page of phone numbers depends on; the page number is only shown, so it is not here. */
export interface PhoneNumberListParams {
  prospectId: number | undefined;
  sort: PhoneNumberSort;
  phoneTypes: readonly string[];
  statuses: readonly string[];
  /** A number however written, or some of its digits: the server reads it (decision 0053). */
  number: string | undefined;
  countryCodes: readonly string[];
  /** Only the numbers of this user's prospects. */
  ownerId: number | undefined;
  /** `from..to` in the API's terms (ISO 8601 instants, `neginf` and `inf` for open ends). */
  updatedAt: string | undefined;
  pageSize: PageSize;
  after: string | undefined;
  before: string | undefined;
}

/** The search parameters of the GET of a page of phone numbers. */
export function phoneNumberListSearchParams(params: PhoneNumberListParams): Record<string, string> {
  const search: Record<string, string> = {
    sort: params.sort,
    'page[size]': String(params.pageSize),
    count: 'true',
    provideAuthorizationMeta: 'true',
    // Each row's prospect, for its name (across prospects) and whether its calls are opted out: a
    // number of such a prospect is not offered to call, from the first paint (decision 0054).
    include: 'prospect',
    'fields[prospect]': 'name,callsOptStatus',
  };
  if (params.prospectId !== undefined) {
    search['filter[prospect][id]'] = String(params.prospectId);
  }
  if (params.phoneTypes.length > 0) search['filter[phoneType]'] = params.phoneTypes.join(',');
  if (params.statuses.length > 0) search['filter[status]'] = params.statuses.join(',');
  if (params.number !== undefined) search['filter[number]'] = params.number;
  if (params.countryCodes.length > 0) {
    search['filter[countryCode]'] = params.countryCodes.join(',');
  }
  if (params.ownerId !== undefined) search['filter[prospect][owner][id]'] = String(params.ownerId);
  if (params.updatedAt !== undefined) search['filter[updatedAt]'] = params.updatedAt;
  if (params.after !== undefined) search['page[after]'] = params.after;
  if (params.before !== undefined) search['page[before]'] = params.before;
  return search;
}

export async function getPhoneNumbers(
  client: ApiClient,
  params: PhoneNumberListParams,
  signal: AbortSignal,
): Promise<PhoneNumberPage> {
  const body = await client.get(PHONE_NUMBERS_PATH, {
    searchParams: phoneNumberListSearchParams(params),
    signal,
  });
  return phoneNumberCollectionSchema.parse(body);
}

/** The first instant of a day in the rep's time zone; `later` days after it. */
const startOfDay = (day: string, later = 0) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + later);
};

/**
 * The days a view's numbers were last changed between, as the instants the API compares: from the
 * first moment of `from` to the last of `to`, in the rep's time zone (a day of 23 or 25 hours too).
 */
export function updatedAtRange(from: string | undefined, to: string | undefined) {
  if (from === undefined && to === undefined) return undefined;
  const first = from === undefined ? 'neginf' : startOfDay(from).toISOString();
  const last = to === undefined ? 'inf' : new Date(startOfDay(to, 1).getTime() - 1).toISOString();
  return `${first}..${last}`;
}

/** What to fetch for a view of the grid. */
export function phoneNumberListParams(state: PhoneNumberListState): PhoneNumberListParams {
  return {
    prospectId: state.prospect,
    sort: sortOf(state),
    phoneTypes: state.types,
    statuses: state.statuses,
    number: state.number,
    countryCodes: state.countries,
    ownerId: state.owner,
    updatedAt: updatedAtRange(state.updatedFrom, state.updatedTo),
    pageSize: state.size,
    after: state.after,
    before: state.before,
  };
}
