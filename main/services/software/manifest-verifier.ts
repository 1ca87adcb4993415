import { createPublicKey, verify } from 'node:crypto';
import { ManifestSchema, SignedManifestSchema, type Manifest } from '../../../shared/api/software';
import type { ApiClient } from '../api/api-client';
import type { Verifier } from '../downloads';

// SPKI wrapper of a raw 32-byte Ed25519 public key (RFC 8410).
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * The reference server's DEMO vendor key (its private half is derived from a published phrase, see
 * server/software/signing.ts). A real deployment passes its vendor's key instead
 * (SoftwareService option `vendorPublicKey`, or SUPPORT_VENDOR_PUBLIC_KEY).
 */
export const DEMO_VENDOR_PUBLIC_KEY = '4DniriIsIW2aJNkZuuU8Uy+jZ+JRhAqEovDKjnbMUso=';

/** Parses a manifest only after its Ed25519 signature checks out against the pinned key; null when it does not. */
export function verifySignedManifest(body: unknown, publicKeyBase64: string): Manifest | null {
  const signed = SignedManifestSchema.safeParse(body);
  if (!signed.success) return null;
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new Error('The pinned vendor key is not a 32-byte Ed25519 key.');
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  const ok = verify(null, Buffer.from(signed.data.manifest, 'utf8'), key, Buffer.from(signed.data.signature, 'base64'));
  if (!ok) return null;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(signed.data.manifest));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Software PASSes only when the release's manifest is signed by the pinned vendor key AND the file's
 * size and sha256 (computed while it streamed in) equal the manifest's entry and the catalogue's.
 */
export function softwareVerifier(api: ApiClient, publicKeyBase64: () => string): Verifier {
  return async ({ job, sha256, size }) => {
    const releaseId = String(job.meta.releaseId ?? '');
    const serverName = String(job.meta.serverName ?? '');
    const body = await api.request({ method: 'GET', path: `/software/releases/${encodeURIComponent(releaseId)}/manifest`, schema: SignedManifestSchema, auth: false });
    const manifest = verifySignedManifest(body, publicKeyBase64());
    if (!manifest) return { ok: false, reason: { code: 'bad-signature' } };
    const entry = manifest.files.find((f) => f.name === serverName);
    if (!entry || manifest.releaseId !== releaseId) return { ok: false, reason: { code: 'not-in-manifest' } };
    if (entry.size !== size) return { ok: false, reason: { code: 'size-mismatch', actual: size, expected: entry.size } };
    if (entry.sha256 !== sha256) return { ok: false, reason: { code: 'sha256-mismatch', expected: entry.sha256, actual: sha256 } };
    if (job.expectedSha256 && job.expectedSha256 !== sha256) return { ok: false, reason: { code: 'catalogue-mismatch', expected: job.expectedSha256, actual: sha256 } };
    return { ok: true, reason: { code: 'signed-manifest-match', sha256, version: manifest.version } };
  };
}
