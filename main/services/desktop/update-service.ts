import { rm } from 'node:fs/promises';
import type { UpdateStatus } from '../../../shared/contract/desktop-contract';
import { AppError } from '../../../shared/errors';
import { Emitter } from '../emitter';
import { verifyArtifact } from './artifact-verification';

/** One release from the update feed (latest.yml). */
export interface UpdateCandidate {
  version: string;
  sha512: string;
  size?: number | undefined;
}

/** electron-updater in the app (main/platform/updater.ts); a plain feed client in the tests. */
export interface UpdaterAdapter {
  check(): Promise<UpdateCandidate | null>;
  /** Downloads the candidate; resolves with the downloaded file's path. */
  download(onProgress: (percent: number) => void): Promise<string>;
  /** Allows installing this verified file: now (restart) or when the app quits. */
  install(file: string, restartNow: boolean): void;
}

/**
 * Check, download with progress, install on restart. Nothing is installed unless our own sha512
 * check of the downloaded file against the feed passes, twice: after the download and again
 * right before handing the file to the installer. With no adapter (development, preview) updates
 * are off.
 */
export class UpdateService {
  readonly onDidChange = new Emitter<UpdateStatus>();
  private status: UpdateStatus;
  private candidate: UpdateCandidate | null = null;
  private verifiedFile: string | null = null;

  constructor(private readonly adapter: UpdaterAdapter | null) {
    this.status = adapter ? { state: 'idle' } : { state: 'disabled' };
  }

  get(): UpdateStatus {
    return this.status;
  }

  async check(): Promise<UpdateStatus> {
    if (!this.adapter) return this.status;
    if (this.status.state === 'checking' || this.status.state === 'downloading') return this.status;
    this.set({ state: 'checking' });
    try {
      this.candidate = await this.adapter.check();
      this.verifiedFile = null;
      this.set(this.candidate ? { state: 'available', version: this.candidate.version } : { state: 'current', checkedAt: new Date().toISOString() });
    } catch (error) {
      this.set({ state: 'failed', reason: 'network', detail: message(error) });
    }
    return this.status;
  }

  async download(): Promise<UpdateStatus> {
    const candidate = this.candidate;
    if (!this.adapter || !candidate || this.status.state !== 'available') throw new AppError('conflict', 'There is no update to download. Check for updates first.');
    this.set({ state: 'downloading', version: candidate.version, percent: 0 });
    let file: string;
    try {
      file = await this.adapter.download((percent) => this.set({ state: 'downloading', version: candidate.version, percent: Math.max(0, Math.min(100, percent)) }));
    } catch (error) {
      this.set({ state: 'failed', reason: 'network', detail: message(error) });
      return this.status;
    }
    const verdict = await verifyArtifact(file, candidate);
    if (!verdict.ok) {
      // A file that fails verification is deleted, never kept around for a later install.
      await rm(file, { force: true });
      this.set({ state: 'failed', reason: 'verification', detail: verdict.reason });
      return this.status;
    }
    this.verifiedFile = file;
    this.adapter.install(file, false);
    this.set({ state: 'ready', version: candidate.version });
    return this.status;
  }

  /** "Restart and install": re-verifies the file, then lets the installer run. */
  async restartAndInstall(): Promise<void> {
    const file = this.verifiedFile;
    if (!this.adapter || !file || !this.candidate || this.status.state !== 'ready') throw new AppError('conflict', 'No verified update is ready to install.');
    const verdict = await verifyArtifact(file, this.candidate);
    if (!verdict.ok) {
      this.verifiedFile = null;
      await rm(file, { force: true });
      this.set({ state: 'failed', reason: 'verification', detail: verdict.reason });
      throw new AppError('conflict', 'The downloaded update changed on disk and was not installed.');
    }
    this.adapter.install(file, true);
  }

  private set(status: UpdateStatus): void {
    this.status = status;
    this.onDidChange.fire(status);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);
