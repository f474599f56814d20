import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('the return path of a sign-in', () => {
  it('keeps a path of this origin, with its query and fragment', () => {
    expect(safeReturnPath('/phone-numbers?prospect=3&sort=-updatedAt#top')).toBe(
      '/phone-numbers?prospect=3&sort=-updatedAt#top',
    );
    expect(safeReturnPath('/embed/prospects/3/phone-numbers')).toBe(
      '/embed/prospects/3/phone-numbers',
    );
  });

  it('turns anything that could leave the origin into /', () => {
    for (const raw of [
      undefined,
      '',
      '//evil.com',
      '//evil.com/path',
      'https://evil.com',
      'HTTPS://evil.com',
      '/\\evil.com',
      '\\\\evil.com',
      '/\\/evil.com',
      'javascript:alert(1)',
      ' /phone-numbers',
      '/\t/evil.com',
      '/\n/evil.com',
      'evil.com',
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeReturnPath(raw), JSON.stringify(raw)).toBe('/');
    }
  });

  it('never sends a sign-in back into the sign-in routes', () => {
    expect(safeReturnPath('/auth/login?returnTo=/x')).toBe('/');
    expect(safeReturnPath('/auth/logout')).toBe('/');
  });
});
