import { describe, expect, it } from 'vitest';
import {
  createTokenCipher,
  formatEncryptionKey,
  generateEncryptionKey,
  parseEncryptionKey,
} from './token-cipher';

const TOKEN = 'upstream-access-token-1234567890';

describe('the token cipher', () => {
  it('seals as kid.iv.ciphertext.tag in base64url, never the token itself, and opens it again', () => {
    const cipher = createTokenCipher([generateEncryptionKey('k1')]);
    const sealed = cipher.seal(TOKEN);
    expect(sealed).toMatch(/^k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain(TOKEN);
    expect(cipher.open(sealed)).toBe(TOKEN);
    expect(cipher.seal(TOKEN)).not.toBe(sealed);
  });

  it('seals with the first key and opens with any listed, so keys can rotate', () => {
    const old = generateEncryptionKey('old');
    const sealedBefore = createTokenCipher([old]).seal(TOKEN);
    const rotated = createTokenCipher([generateEncryptionKey('new'), old]);
    expect(rotated.open(sealedBefore)).toBe(TOKEN);
    const sealedAfter = rotated.seal(TOKEN);
    expect(sealedAfter.startsWith('new.')).toBe(true);
    expect(() => createTokenCipher([old]).open(sealedAfter)).toThrow(/new/);
  });

  it('refuses a sealed token that was altered anywhere', () => {
    const cipher = createTokenCipher([generateEncryptionKey('k1'), generateEncryptionKey('k2')]);
    const sealed = cipher.seal(TOKEN);
    const parts = sealed.split('.');
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    for (const index of [1, 2, 3]) {
      const altered = parts.map((part, at) => (at === index ? flip(part) : part)).join('.');
      expect(() => cipher.open(altered), `part ${index}`).toThrow();
    }
    // The key id is authenticated: the same ciphertext under another listed key does not open.
    expect(() => cipher.open(['k2', ...parts.slice(1)].join('.'))).toThrow();
    expect(() => cipher.open(`${sealed}.extra`)).toThrow();
  });

  it('refuses an unknown key id', () => {
    const sealed = createTokenCipher([generateEncryptionKey('gone')]).seal(TOKEN);
    expect(() => createTokenCipher([generateEncryptionKey('k1')]).open(sealed)).toThrow(/gone/);
  });
});

describe('TOKEN_ENCRYPTION_KEYS entries', () => {
  it('read back what formatEncryptionKey writes', () => {
    const key = generateEncryptionKey('2026-12');
    expect(parseEncryptionKey(formatEncryptionKey(key))).toEqual(key);
  });

  it('say what is wrong without repeating the key', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    for (const entry of ['no-separator', ':abc', 'bad.kid:abc', `k1:${short}`, 'k1:not base64!']) {
      const problem = parseEncryptionKey(entry);
      expect(typeof problem, entry).toBe('string');
      expect(problem).not.toContain(short);
    }
  });
});
