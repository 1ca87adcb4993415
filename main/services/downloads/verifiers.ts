import { formatBytes } from './disk-space';
import type { Verifier } from './download-types';

/** PASS iff the size and the sha256 computed while streaming match what the catalogue said (doc libraries). */
export const expectedHashVerifier: Verifier = ({ job, sha256, size }) => {
  if (size !== job.expectedSize) return { ok: false, reason: `The file is ${formatBytes(size)} but should be ${formatBytes(job.expectedSize)} (${size} ≠ ${job.expectedSize} bytes).` };
  if (!job.expectedSha256) return { ok: false, reason: 'The catalogue gave no SHA-256 checksum to check this file against.' };
  if (sha256 !== job.expectedSha256) return { ok: false, reason: `The file's SHA-256 checksum does not match: expected ${job.expectedSha256}, got ${sha256}. The file may be corrupted or tampered with.` };
  return { ok: true, detail: `Size and SHA-256 checksum match (${sha256}).` };
};
