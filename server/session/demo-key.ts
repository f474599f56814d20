import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  formatEncryptionKey,
  generateEncryptionKey,
  parseEncryptionKey,
  type EncryptionKey,
} from './token-cipher';

/**
 * Demo mode's token encryption key when TOKEN_ENCRYPTION_KEYS is unset: generated on first start into
 * a file beside the database, readable by its owner only, and read again on every start after, so that
 * sessions outlive a restart. An in-memory database gets a key for this process only.
 */
export function demoEncryptionKey(databasePath: string): {
  key: EncryptionKey;
  /** The file that holds it, when it was made just now. */
  createdAt?: string;
} {
  if (databasePath === ':memory:') return { key: generateEncryptionKey('demo') };
  const path = join(dirname(resolve(databasePath)), 'token-encryption.key');
  if (existsSync(path)) {
    const key = parseEncryptionKey(readFileSync(path, 'utf8').trim());
    if (typeof key === 'string') {
      throw new Error(`${path} does not hold a token key (${key}); delete it and start again.`);
    }
    return { key };
  }
  const key = generateEncryptionKey('demo');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${formatEncryptionKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  return { key, createdAt: path };
}
