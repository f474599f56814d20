import { MAX_RATE_LIMIT_RETRIES, rateLimitWaitMs } from './rate-limit';

function abortError(): DOMException {
  return new DOMException('Cancelled.', 'AbortError');
}

/** Resolves after `ms`, telling each whole second left; rejects as soon as `signal` aborts. */
function waitFor(ms: number, signal: AbortSignal, onSecond: (secondsLeft: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const end = Date.now() + ms;
    const tick = () => {
      const left = end - Date.now();
      if (left <= 0) {
        signal.removeEventListener('abort', stop);
        resolve();
        return;
      }
      onSecond(Math.ceil(left / 1000));
      timer = setTimeout(tick, Math.min(left, 1000));
    };
    const stop = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    signal.addEventListener('abort', stop, { once: true });
    tick();
  });
}

/**
 * Sends `request`, and after a 429 the app waits out (`rateLimitWaitMs`) sends it again, at most
 * MAX_RATE_LIMIT_RETRIES times in a row, telling each second of the wait; for a request that is not a
 * TanStack query (an export's page, an import's write), whose retries the query client does not do.
 */
export async function sendWaitingOutRateLimits<T>(
  request: () => Promise<T>,
  signal: AbortSignal,
  onWait: (secondsLeft: number) => void,
): Promise<T> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await request();
    } catch (error) {
      const waitMs = rateLimitWaitMs(error);
      if (waitMs === undefined || failures >= MAX_RATE_LIMIT_RETRIES || signal.aborted) throw error;
      await waitFor(waitMs, signal, onWait);
    }
  }
}
