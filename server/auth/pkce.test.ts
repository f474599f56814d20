import { describe, expect, it } from 'vitest';
import { s256Challenge } from './pkce';

describe('s256Challenge', () => {
  it('gives the challenge of RFC 7636, appendix B, for its verifier', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});
