import { hash } from 'node:crypto';

/**
 * The S256 code challenge of a PKCE code verifier (RFC 7636, section 4.2):
 * BASE64URL(SHA-256(ASCII(verifier))). It happens to be computed as token hashes are, but the two
 * follow different rules and may change apart.
 */
export const s256Challenge = (verifier: string): string =>
  hash('sha256', Buffer.from(verifier, 'ascii'), 'base64url');
