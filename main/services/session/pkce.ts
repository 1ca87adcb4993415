import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636: 32 random bytes give a 43-character base64url verifier (the minimum length, 256 bits). */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** The OAuth `state`: unguessable, compared exactly when the browser comes back. */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}
