import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export type VerificationResult = { ok: true } | { ok: false; reason: 'missing' | 'size' | 'sha512' };

/**
 * Checks a downloaded update against the sha512 (base64, as electron-builder writes it in
 * latest.yml) and size from the update feed. Our own check, run after electron-updater's and again
 * right before installing, so a file changed on disk in between is refused too.
 */
export async function verifyArtifact(file: string, expected: { sha512: string; size?: number | undefined }): Promise<VerificationResult> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return { ok: false, reason: 'missing' };
  }
  if (expected.size !== undefined && size !== expected.size) return { ok: false, reason: 'size' };
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64') === expected.sha512 ? { ok: true } : { ok: false, reason: 'sha512' };
}
