import type { Page } from '@playwright/test';

/** What a body that hands out a token has in it: OAuth's token fields, or a bearer header's value. */
export const TOKEN_LIKE = /access_token|refresh_token|id_token|bearer\s+[\w.~+/-]{8,}/i;

/**
 * Records, from now on, the Authorization headers the page sends and the bodies of every document, fetch
 * and XHR response it reads: where a token handed to the browser would show.
 */
export function recordWhatThePageReads(page: Page) {
  const read: Promise<{ url: string; body: string }>[] = [];
  const authorizations: string[] = [];
  page.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (authorization !== undefined) authorizations.push(`${request.url()}: ${authorization}`);
  });
  page.on('response', (response) => {
    if (!['document', 'fetch', 'xhr'].includes(response.request().resourceType())) return;
    // A redirect has no body; a page that navigated on may no longer give one.
    read.push(
      response.text().then(
        (body) => ({ url: response.url(), body }),
        () => ({ url: response.url(), body: '' }),
      ),
    );
  });
  return { authorizations, bodies: () => Promise.all(read) };
}

/** The keys in the page's localStorage and sessionStorage. */
export const webStorageKeys = (page: Page) =>
  page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
