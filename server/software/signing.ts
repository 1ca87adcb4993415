import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { Manifest, SignedManifest } from '../../shared/api/software';

// PKCS#8 wrapper of a raw 32-byte Ed25519 seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * DEMO ONLY: the reference server's vendor key is derived from a published phrase, so anyone can
 * forge its signatures. It exists so the demo and the tests are deterministic; a real deployment
 * signs with a private key that never leaves the vendor (and clients pin that vendor's public key).
 */
export const DEMO_SIGNING_SEED = createHash('sha256').update('enterprise-support-desktop demo vendor key (DEMO ONLY, not secret)').digest();

export function signingKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte public key, base64: what a client pins. */
export function publicKeyBase64(privateKey: KeyObject): string {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}

export function signManifest(manifest: Manifest, privateKey: KeyObject): SignedManifest {
  const text = JSON.stringify(manifest);
  return { manifest: text, signature: sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'), algorithm: 'Ed25519' };
}
