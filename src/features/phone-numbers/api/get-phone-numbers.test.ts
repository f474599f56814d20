import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePhoneNumberListState } from '../schemas/phone-number-list-state';
import {
  phoneNumberListParams,
  phoneNumberListSearchParams,
  updatedAtRange,
} from './get-phone-numbers';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Updated range', () => {
  it("asks for the rep's days, the first moment of the first to the last of the last", () => {
    vi.stubEnv('TZ', 'America/New_York');
    expect(updatedAtRange('2026-09-01', '2026-09-30')).toBe(
      '2026-09-01T04:00:00.000Z..2026-10-01T03:59:59.999Z',
    );
    // The day the clocks go back has 25 hours, all of them in it.
    expect(updatedAtRange('2026-11-01', '2026-11-01')).toBe(
      '2026-11-01T04:00:00.000Z..2026-11-02T04:59:59.999Z',
    );
    vi.stubEnv('TZ', 'Asia/Tokyo');
    expect(updatedAtRange('2026-09-01', '2026-09-01')).toBe(
      '2026-08-31T15:00:00.000Z..2026-09-01T14:59:59.999Z',
    );
  });

  it('leaves an end open as the API writes it, and asks for nothing without days', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(updatedAtRange('2026-09-01', undefined)).toBe('2026-09-01T00:00:00.000Z..inf');
    expect(updatedAtRange(undefined, '2026-09-01')).toBe('neginf..2026-09-01T23:59:59.999Z');
    expect(updatedAtRange(undefined, undefined)).toBeUndefined();
  });

  it("is the view's filter[updatedAt]", () => {
    vi.stubEnv('TZ', 'UTC');
    const search = (url: string) =>
      phoneNumberListSearchParams(
        phoneNumberListParams(parsePhoneNumberListState(new URLSearchParams(url))),
      );
    expect(search('?updated=2026-09-01..')['filter[updatedAt]']).toBe(
      '2026-09-01T00:00:00.000Z..inf',
    );
    expect(search('?type=work')).not.toHaveProperty('filter[updatedAt]');
  });
});
