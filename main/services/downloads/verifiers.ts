import type { Verifier } from './download-types';

/** PASS iff the size and the sha256 computed while streaming match what the catalogue said (doc libraries). */
export const expectedHashVerifier: Verifier = ({ job, sha256, size }) => {
  if (size !== job.expectedSize) return { ok: false, reason: { code: 'size-mismatch', actual: size, expected: job.expectedSize } };
  if (!job.expectedSha256) return { ok: false, reason: { code: 'no-checksum' } };
  if (sha256 !== job.expectedSha256) return { ok: false, reason: { code: 'sha256-mismatch', expected: job.expectedSha256, actual: sha256 } };
  return { ok: true, reason: { code: 'checksum-match', sha256 } };
};
