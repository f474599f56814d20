import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendEarly, takeEarly } from './early-responses';

describe('early responses', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('are taken once, and by their URL only', () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    const url = new URL('http://app.test/auth/session');
    sendEarly(url, {});

    expect(takeEarly(new URL('http://app.test/auth/session?again'))).toBeUndefined();
    expect(takeEarly(url)).toBe(fetch.mock.results[0]?.value);
    expect(takeEarly(url)).toBeUndefined();
  });

  it('are not taken once stale: the app asks again', () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    const url = new URL('http://app.test/api/v2');
    sendEarly(url, {});

    now.mockReturnValue(1_000 + 10_001);

    expect(takeEarly(url)).toBeUndefined();
  });

  it('that fail reject only for whoever takes them', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const url = new URL('http://app.test/api/v2/prospects/1');
    sendEarly(url, {});

    await expect(takeEarly(url)).rejects.toThrow('Failed to fetch');
  });
});
