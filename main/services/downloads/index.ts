/** The shared download engine: see the API description at the top of download-manager.ts. */
export { DownloadManager, type DownloadManagerOptions } from './download-manager';
export { DOWNLOAD_STATES, type DownloadJob, type DownloadProgress, type DownloadRequest, type DownloadState, type Verifier, type VerifyOutcome } from './download-types';
export { expectedHashVerifier } from './verifiers';
export { reasonText } from './reason-text';
export { formatBytes } from './disk-space';
export { sanitizeFileName } from './file-names';
export { hashFile } from './transfer';
