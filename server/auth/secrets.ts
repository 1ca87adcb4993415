import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable opaque value: 32 random bytes (256 bits) in base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Codes and tokens are stored only as this digest, so a leaked database cannot be replayed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))) compared in constant time. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  const expected = Buffer.from(sha256(verifier));
  const given = Buffer.from(challenge);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
