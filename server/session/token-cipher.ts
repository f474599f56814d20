import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Upstream tokens at rest (decision 0046): AES-256-GCM, sealed as `kid.iv.ciphertext.tag` in base64url.
 * The key id is authenticated with the ciphertext, so a sealed token cannot be passed off under another
 * key. The first key seals; every key opens, so that a new key can go first while tokens sealed with
 * the old one are still read.
 */

export interface EncryptionKey {
  /** Names the key in what it sealed: letters, digits, `_` and `-`. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface TokenCipher {
  seal: (plaintext: string) => string;
  /** Throws when the key id is unknown or the sealed text was altered. */
  open: (sealed: string) => string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function createTokenCipher(keys: readonly EncryptionKey[]): TokenCipher {
  const [sealing] = keys;
  if (sealing === undefined) throw new Error('The token cipher needs at least one key');
  const byId = new Map(keys.map((entry) => [entry.id, entry.key]));
  return {
    seal: (plaintext) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealing.key, iv);
      cipher.setAAD(Buffer.from(sealing.id));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        sealing.id,
        iv.toString('base64url'),
        ciphertext.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    open: (sealed) => {
      const [id = '', iv = '', ciphertext = '', tag = '', ...rest] = sealed.split('.');
      const key = byId.get(id);
      if (key === undefined)
        throw new Error(`No token encryption key has the id ${JSON.stringify(id)}`);
      if (rest.length > 0) throw new Error('A sealed token has four parts');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/** A new random key, as the demo generates on first start. */
export function generateEncryptionKey(id: string): EncryptionKey {
  return { id, key: randomBytes(KEY_BYTES) };
}

/** A key as `TOKEN_ENCRYPTION_KEYS` lists it: `kid:base64-key`. */
export const formatEncryptionKey = ({ id, key }: EncryptionKey): string =>
  `${id}:${key.toString('base64')}`;

/** One `kid:base64-key` entry, or a sentence saying what is wrong with it (never the key itself). */
export function parseEncryptionKey(entry: string): EncryptionKey | string {
  const separator = entry.indexOf(':');
  const id = separator === -1 ? '' : entry.slice(0, separator);
  const encoded = entry.slice(separator + 1);
  if (!KEY_ID.test(id)) {
    return 'an entry is kid:base64-key, the kid of letters, digits, _ and - (up to 32)';
  }
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) return `the key of ${JSON.stringify(id)} is not 32 bytes in base64`;
  return { id, key };
}
