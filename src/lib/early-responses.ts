/**
 * The first screen's GETs, sent by the entry module as the page starts, while the rest of the app's
 * JavaScript is still loading (docs/decisions/0055-first-screen.md). The app's own request for the same
 * URL then takes the response in flight instead of sending another. Each is taken once, and only while
 * fresh: one the app did not ask for soon (it showed another page first) is sent again when it does.
 */
const FRESH_MS = 10_000;

const sent = new Map<string, { at: number; response: Promise<Response> }>();

export function sendEarly(url: URL, init: RequestInit): void {
  const response = fetch(url, init);
  // Nobody may ever take it: a failure here is the app's to meet when it asks again.
  response.catch(() => undefined);
  sent.set(url.href, { at: performance.now(), response });
}

/** The response of an early GET of this URL, once; undefined when there is none, or it is stale. */
export function takeEarly(url: URL): Promise<Response> | undefined {
  const early = sent.get(url.href);
  if (early === undefined) return undefined;
  sent.delete(url.href);
  return performance.now() - early.at <= FRESH_MS ? early.response : undefined;
}
