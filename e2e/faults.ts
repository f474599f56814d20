/**
 * Faults the real server does not produce on demand, injected with Playwright's routing and the browser
 * context's cookies: the app under test is the built one, and it cannot tell a routed answer from the
 * server's, nor a dead or forged cookie from one that expired.
 */
import type { Cookie, Page } from '@playwright/test';

/** The grid's requests: lists of phone numbers (GET /api/v2/phoneNumbers?…), not one number. */
export const isPhoneNumberList = (url: URL) => url.pathname === '/api/v2/phoneNumbers';

/** The grid's requests for one prospect's numbers. */
export const isProspectNumberList = (prospectId: number) => (url: URL) =>
  isPhoneNumberList(url) && url.searchParams.get('filter[prospect][id]') === String(prospectId);

/** The app's requests for one phone number: PATCH and DELETE /api/v2/phoneNumbers/<id>. */
export const isPhoneNumber = (id: number) => (url: URL) =>
  url.pathname === `/api/v2/phoneNumbers/${id}`;

export interface JsonApiError {
  id: string;
  title: string;
  detail: string;
  /** The attribute the error is about, e.g. `{ pointer: '/data/attributes/phoneType' }`. */
  source?: { pointer: string };
}

export interface AnswerOptions {
  /** Only requests of this method ("PATCH"); the others go to the server. */
  method?: string;
  /** Holds each answer until this settles, so that a spec sees what the page shows while it waits. */
  after?: Promise<void>;
}

/** Answers the matching requests with a JSON:API error document, as the API sends them. */
export async function answerWithError(
  page: Page,
  url: (url: URL) => boolean,
  status: number,
  error: JsonApiError,
  { method, after }: AnswerOptions = {},
) {
  await page.route(url, async (route) => {
    if (method !== undefined && route.request().method() !== method) {
      await route.fallback();
      return;
    }
    await after;
    await route.fulfill({
      status,
      contentType: 'application/vnd.api+json',
      json: { errors: [{ ...error, status: String(status) }] },
    });
  });
}

/** The HttpOnly cookies that carry the app's sessions: the top-level tab's and a frame's. */
export const isSessionCookie = (cookie: Cookie) =>
  /^(__Host-)?pna-(session|frame)$/.test(cookie.name);

/** What the server says of the cookie the page holds: 200 for a live session, 401 for none. */
export function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(
    async () =>
      (await fetch('/auth/session', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).status,
  );
}

/**
 * Ends the page's session on the server while the browser keeps its cookie, as the idle timeout or a
 * revoked Outreach grant would: the next request carries a cookie the server no longer knows, and the
 * real API answers 401.
 */
export async function endSessionOnServer(page: Page) {
  const context = page.context();
  const held = (await context.cookies()).filter(isSessionCookie);
  if (held.length === 0) throw new Error('The page holds no session cookie to end.');
  const status = await page.evaluate(
    async () =>
      (
        await fetch('/auth/logout', {
          method: 'POST',
          headers: { 'X-Requested-With': 'XMLHttpRequest' },
        })
      ).status,
  );
  if (status !== 204) throw new Error(`Signing out on the server answered ${status}.`);
  // The sign-out's answer deleted the cookie; the browser gets the dead one back.
  await context.addCookies(held);
}

/** Replaces the value of the page's session cookie with one the server never issued. */
export async function forgeSessionCookie(page: Page) {
  const context = page.context();
  const held = (await context.cookies()).filter(isSessionCookie);
  if (held.length === 0) throw new Error('The page holds no session cookie to forge.');
  await context.addCookies(held.map((cookie) => ({ ...cookie, value: `forged-${cookie.value}` })));
}
