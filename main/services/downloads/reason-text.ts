import type { DownloadReason } from '../../../shared/contract/download-reason';
import { formatBytes } from './disk-space';

/** The English sentence kept in job.message for logs and the CLI; the renderer words the reason itself. */
export function reasonText(reason: DownloadReason): string {
  switch (reason.code) {
    case 'size-mismatch':
      return `The file is ${formatBytes(reason.actual)} but should be ${formatBytes(reason.expected)} (${reason.actual} ≠ ${reason.expected} bytes). It is incomplete or altered.`;
    case 'oversize':
      return `The server sent more than the ${reason.expected} bytes listed for this file. It is not the file that was published.`;
    case 'no-checksum':
      return 'The catalogue gave no SHA-256 checksum to check this file against.';
    case 'sha256-mismatch':
      return `The file's SHA-256 checksum does not match: expected ${reason.expected}, got ${reason.actual}. The file may be corrupted or tampered with.`;
    case 'bad-signature':
      return 'The release manifest is not signed by the vendor key this app trusts. The file may have been tampered with.';
    case 'not-in-manifest':
      return 'The signed manifest does not list this file.';
    case 'catalogue-mismatch':
      return `The checksum matches the signed manifest but not the catalogue (expected ${reason.expected}, got ${reason.actual}). Ask support before using this file.`;
    case 'check-failed':
      return `The file could not be checked: ${reason.error}`;
    case 'no-verifier':
      return `No verifier is registered for "${reason.kind}" downloads.`;
    case 'checksum-match':
      return `Size and SHA-256 checksum match (${reason.sha256}).`;
    case 'signed-manifest-match':
      return `SHA-256 ${reason.sha256} matches the vendor-signed manifest of release ${reason.version} (Ed25519 signature valid).`;
  }
}
