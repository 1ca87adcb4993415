import type { DownloadReason, FailReason, PassReason } from '../../../shared/contract/download-reason';
import type { ErrorCode } from '../../../shared/errors';

/**
 * queued → downloading → verifying → passed (PASS, at its final name)
 *                                  ↘ failed (FAIL: quarantined, `reason` and `message` say why)
 * downloading → paused | error (could not download; resumable) | cancelled (part file deleted)
 */
export const DOWNLOAD_STATES = ['queued', 'downloading', 'paused', 'verifying', 'passed', 'failed', 'error', 'cancelled'] as const;
export type DownloadState = (typeof DOWNLOAD_STATES)[number];

/** What a caller asks for. `kind` picks the verifier registered with DownloadManager.registerVerifier. */
export interface DownloadRequest {
  kind: string;
  /** Absolute, or relative to the manager's baseUrl. The access token is sent only to baseUrl's origin. */
  url: string;
  /** The name the server suggests; sanitized before use, never trusted as a path. */
  fileName: string;
  expectedSize: number;
  /** Lower-case hex; verifiers may compare it (expectedHashVerifier does). */
  expectedSha256?: string | null;
  /** Caller's own data (product, release, library id...), stored as JSON and handed back to the verifier. */
  meta?: Record<string, unknown>;
  /** Overrides the manager's download folder for this job. */
  folder?: string;
}

export interface DownloadJob {
  id: string;
  kind: string;
  url: string;
  fileName: string;
  folder: string;
  partPath: string;
  /** Set once the file passed verification and was moved to its (never overwriting) final name. */
  finalPath: string | null;
  /** Set when verification failed and the file was moved out of the download folder. */
  quarantinePath: string | null;
  expectedSize: number;
  expectedSha256: string | null;
  meta: Record<string, unknown>;
  etag: string | null;
  receivedBytes: number;
  state: DownloadState;
  errorCode: ErrorCode | null;
  /** Plain words: why it failed verification or could not be downloaded, or what PASS checked. */
  message: string | null;
  /** The verdict as a code and figures (shared/contract/download-reason.ts); null before a verdict and in rows older than it. */
  reason: DownloadReason | null;
  sha256: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

export interface DownloadProgress {
  id: string;
  receivedBytes: number;
  totalBytes: number;
  bytesPerSecond: number;
  /** null while the speed is not known yet. */
  etaSeconds: number | null;
}

/** The manager turns the reason into job.reason and its English sentence into job.message. */
export type VerifyOutcome = { ok: true; reason: PassReason } | { ok: false; reason: FailReason };

/** Decides PASS or FAIL from the hash computed while streaming; must not re-read the file for the hash. */
export type Verifier = (input: { job: DownloadJob; sha256: string; size: number; partPath: string }) => Promise<VerifyOutcome> | VerifyOutcome;
