import {
  parsePhoneNumberListState,
  type PhoneNumberListState,
} from '@/features/phone-numbers/schemas/phone-number-list-state';
import { resourceIdSchema } from '@/lib/json-api-schemas';

/**
 * What the page at a location shows first, as far as its data goes: the entry module sends its requests
 * before the app has loaded (first-screen-requests.ts), and the app puts their answers in its cache
 * before it first renders (first-screen-queries.ts), both from this one reading of the URL.
 */
export type FirstScreen =
  | { page: 'phone-numbers'; list: PhoneNumberListState }
  | { page: 'prospect'; prospectId: number; list: PhoneNumberListState }
  | { page: 'embedded'; prospectId: number; list: PhoneNumberListState }
  /** A page of the app shell whose data is not worth sending early (users, not found). */
  | { page: 'other' }
  /** The Outreach extension: it has no session cookie, and asks its host for tokens instead. */
  | { page: 'extension' };

/** A prospect's numbers in a grid of its own (the prospect page, the embedded panel). */
export const prospectListState = (prospectId: number) =>
  parsePhoneNumberListState(new URLSearchParams({ prospect: String(prospectId) }));

const idIn = (pattern: RegExp, pathname: string) => {
  const parsed = resourceIdSchema.safeParse(pattern.exec(pathname)?.[1]);
  return parsed.success ? parsed.data : undefined;
};

export function firstScreenOf({
  pathname,
  search,
}: Pick<Location, 'pathname' | 'search'>): FirstScreen {
  if (pathname.startsWith('/embed/outreach/')) return { page: 'extension' };
  if (pathname === '/phone-numbers') {
    return { page: 'phone-numbers', list: parsePhoneNumberListState(new URLSearchParams(search)) };
  }
  const embedded = idIn(/^\/embed\/prospects\/([^/]+)\/phone-numbers$/, pathname);
  if (embedded !== undefined) {
    return { page: 'embedded', prospectId: embedded, list: prospectListState(embedded) };
  }
  const prospectId = idIn(/^\/prospects\/([^/]+)$/, pathname);
  if (prospectId !== undefined) {
    return { page: 'prospect', prospectId, list: prospectListState(prospectId) };
  }
  return { page: 'other' };
}
