/** What the app sends to the API, watched from outside: its writes, and the answers to them. */
import type { Page, Request, Response } from '@playwright/test';

export type WriteMethod = 'POST' | 'PATCH' | 'DELETE';

const API = '/api/v2/';

/** Every write (POST, PATCH, DELETE) the page sends to the API from now on, as "PATCH phoneNumbers/7". */
export function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request: Request) => {
    const { pathname } = new URL(request.url());
    if (request.method() !== 'GET' && pathname.startsWith(API)) {
      writes.push(`${request.method()} ${pathname.slice(API.length)}`);
    }
  });
  return writes;
}

/** The server's answer to the page's next write of a number: `answer(page, 'DELETE', 7)`. */
export function answer(page: Page, method: WriteMethod, id: number): Promise<Response> {
  return page.waitForResponse(
    (response) =>
      response.request().method() === method &&
      new URL(response.url()).pathname === `${API}phoneNumbers/${id}`,
  );
}
