import type { ExportJob } from '../../../shared/api/privacy';
import type { DownloadedExport, ExportDownload, ExportView } from '../../../shared/contract/privacy-contract';
import { AppError } from '../../../shared/errors';
import { expectedHashVerifier, hashFile, type DownloadJob, type DownloadManager } from '../downloads';
import { appendLocalData, type LocalPart } from './local-data-archive';

export const EXPORT_DOWNLOAD_KIND = 'privacy-export';

const UNFINISHED: readonly DownloadJob['state'][] = ['queued', 'downloading', 'verifying', 'paused', 'error'];
const isUnfinished = (state: DownloadJob['state']): state is ExportDownload['state'] => UNFINISHED.includes(state);
const sha256Of = async (path: string) => (await hashFile(path)).digest('hex');

/**
 * P5.1: a privacy export through the shared download manager (resumable, SHA-256 checked against the
 * service's), then the data kept on this computer added to the same archive under local-data/.
 * One download per export: a stopped one is continued, never started again from zero.
 */
export class ExportDownloads {
  constructor(
    private readonly downloads: DownloadManager,
    private readonly localParts: () => Promise<LocalPart[]>,
  ) {
    // The export is checked against the SHA-256 the service computed when it wrote the ZIP.
    downloads.registerVerifier(EXPORT_DOWNLOAD_KIND, expectedHashVerifier);
  }

  /** The export with this computer's unfinished download of it, so the screen can offer to resume it. */
  view(job: ExportJob): ExportView {
    const download = this.latest(job.id);
    return {
      ...job,
      download: download && isUnfinished(download.state) ? { state: download.state, receivedBytes: download.receivedBytes, totalBytes: download.expectedSize } : null,
    };
  }

  async download(job: ExportJob): Promise<DownloadedExport> {
    if (job.status !== 'ready' || job.size === null || !job.sha256) throw new AppError('conflict', 'This export is not ready yet.');
    const done = await this.settledDownload(job, job.sha256, job.size);
    if (done.state !== 'passed' || !done.finalPath) {
      throw new AppError(done.errorCode ?? 'server', done.message ?? 'The export could not be downloaded.', undefined, done.reason ?? undefined);
    }
    const entries = await appendLocalData(done.finalPath, await this.localParts());
    // Two checksums, each true of what it names: the service's archive as verified, and the file as it is now.
    return { path: done.finalPath, archiveSha256: done.sha256 ?? job.sha256, fileSha256: await sha256Of(done.finalPath), entries };
  }

  /** The newest download job of this export on this computer. */
  private latest(exportId: string): DownloadJob | undefined {
    return this.downloads.list().find((job) => job.kind === EXPORT_DOWNLOAD_KIND && job.meta.exportId === exportId);
  }

  /**
   * Continues this export's stopped download (paused, failed to connect, or left by a run that was
   * killed: the manager already resumed that one), takes one an earlier run finished before it could
   * add the local data (the file is still exactly the service's archive), or starts a new one.
   */
  private async settledDownload(job: ExportJob, sha256: string, size: number): Promise<DownloadJob> {
    const earlier = this.latest(job.id);
    if (earlier && earlier.expectedSha256 === sha256) {
      if (earlier.state === 'paused' || earlier.state === 'error') await this.downloads.resume(earlier.id);
      if (isUnfinished(earlier.state)) return this.downloads.whenSettled(earlier.id);
      if (earlier.state === 'passed' && earlier.finalPath && (await sha256Of(earlier.finalPath).catch(() => null)) === sha256) return earlier;
    }
    const queued = await this.downloads.enqueue({
      kind: EXPORT_DOWNLOAD_KIND,
      url: `/privacy/exports/${encodeURIComponent(job.id)}/download`,
      fileName: job.fileName,
      expectedSize: size,
      expectedSha256: sha256,
      meta: { exportId: job.id },
    });
    return this.downloads.whenSettled(queued.id);
  }
}
