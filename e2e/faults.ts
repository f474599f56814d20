/**
 * Faults the real server does not produce on demand, injected with Playwright's routing: the app under
 * test is the built one, and it cannot tell a routed answer from the server's.
 */
import type { Page, Request } from '@playwright/test';

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

/**
 * Sends the next matching request with an access token the server does not know, as if the app's had
 * expired on the way: the real API answers 401, and the app is on its own from there.
 */
export async function expireAccessTokenOnce(page: Page, url: (url: URL) => boolean) {
  await page.route(
    url,
    (route) =>
      route.continue({
        headers: { ...route.request().headers(), authorization: 'Bearer expired-access-token' },
      }),
    { times: 1 },
  );
}

/** Every request the page sends to the token endpoint from now on, to count refreshes. */
export function recordTokenRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/oauth/token') requests.push(request);
  });
  return requests;
}
