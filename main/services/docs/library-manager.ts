import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogueSchema, type CatalogueEntry } from '../../../shared/api/docs';
import type { Libraries, LibraryView } from '../../../shared/contract/docs-contract';
import type { DownloadReason } from '../../../shared/contract/download-reason';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../api/api-client';
import { assertFreeSpace, formatBytes } from '../downloads/disk-space';
import { expectedHashVerifier, type DownloadJob, type DownloadManager } from '../downloads';
import { Emitter } from '../emitter';
import type { ImportJob, ImportResult, Progress } from './import-job';
import { LibraryStore, type InstallRow } from './library-store';

export interface LibraryManagerDeps {
  api: ApiClient;
  downloads: DownloadManager;
  store: LibraryStore;
  dataDir: string;
  storageLimitBytes: () => number;
  /** Runs an import off the main thread (importInWorker in the app). */
  runImport: (job: ImportJob, progress: Progress) => Promise<ImportResult>;
  /** Called after an install appeared, changed or went, so search reloads its vocabulary. */
  onInstallsChanged: () => void;
}

export type ProgressEvent = { libraryId: string; phase: 'downloading' | 'importing'; done: number; total: number; file?: string; page?: number; pages?: number };

const KIND = 'docs';
// A package unpacks to its index, topics and images: about three times its size on disk.
const UNPACK_FACTOR = 3;

/**
 * The library manager: the catalogue merged with what is installed, downloads through the shared
 * download engine (progress, pause/resume, resume after restart, sha256), then an import in a
 * worker thread that swaps the new copy in atomically.
 */
export class LibraryManager {
  readonly onDidChange = new Emitter<{ libraryId: string | null }>();
  readonly onProgress = new Emitter<ProgressEvent>();
  private catalogue: CatalogueEntry[] = [];
  private readonly importing = new Map<string, ProgressEvent>();
  /** The import of each downloaded package while it runs, so a caller can wait for its end. */
  private readonly imports = new Map<string, Promise<void>>();
  /** Why a library's last download or import failed: the English message, and the verdict's code when it has one. */
  private readonly problems = new Map<string, { message: string; reason: DownloadReason | null }>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: LibraryManagerDeps) {
    deps.downloads.registerVerifier(KIND, expectedHashVerifier);
    this.unsubscribe.push(
      deps.downloads.onProgress.on((p) => {
        const job = this.docsJob(p.id);
        if (job) this.onProgress.fire({ libraryId: libraryOf(job), phase: 'downloading', done: p.receivedBytes, total: p.totalBytes });
      }),
      deps.downloads.onDidChange.on((job) => {
        if (job.kind !== KIND) return;
        if (job.state === 'passed') void this.importDownloaded(job);
        if (job.state === 'failed' || job.state === 'error') this.problems.set(libraryOf(job), { message: job.message ?? 'The download failed.', reason: job.reason });
        this.onDidChange.fire({ libraryId: libraryOf(job) });
      }),
    );
  }

  /** Picks up downloads that passed while the app was closing, before they were imported. */
  async start(): Promise<void> {
    await this.deps.store.removeUnfinished();
    for (const job of this.deps.downloads.list()) if (job.kind === KIND && job.state === 'passed' && job.finalPath) void this.importDownloaded(job);
  }

  async list(): Promise<Omit<Libraries, 'canUseDisk'>> {
    let catalogueOnline = true;
    try {
      this.catalogue = CatalogueSchema.parse(await this.deps.api.request({ method: 'GET', path: '/docs/libraries', schema: CatalogueSchema })).libraries;
    } catch (error) {
      if (!(error instanceof AppError) || !['offline', 'timeout', 'unauthorized', 'server'].includes(error.code)) throw error;
      catalogueOnline = false;
    }
    const installs = new Map(this.deps.store.ready().map((row) => [row.library_id, row]));
    const jobs = new Map<string, DownloadJob>();
    for (const job of this.deps.downloads.list()) if (job.kind === KIND && !jobs.has(libraryOf(job))) jobs.set(libraryOf(job), job);
    const views: LibraryView[] = [];
    const listed = catalogueOnline ? this.catalogue : [];
    for (const entry of listed) views.push(this.view(entry, installs.get(entry.id), jobs.get(entry.id)));
    for (const [id, row] of installs) if (!listed.some((e) => e.id === id)) views.push(this.view(null, row, jobs.get(id)));
    const diskBytes = [...installs.values()].reduce((sum, row) => sum + LibraryStore.diskBytes(row), 0);
    return { libraries: views, catalogueOnline, diskBytes, storageLimitBytes: this.deps.storageLimitBytes() };
  }

  async install(libraryId: string): Promise<void> {
    const entry = (await this.list()).catalogueOnline ? this.catalogue.find((e) => e.id === libraryId) : undefined;
    if (!entry) throw new AppError('not_found', 'This library is not in the catalogue (or the catalogue cannot be reached).');
    const active = this.activeJob(libraryId);
    if (active) throw new AppError('conflict', 'This library is already being downloaded.');
    const needed = entry.packageSize * UNPACK_FACTOR;
    const { diskBytes, storageLimitBytes } = await this.list();
    if (diskBytes + needed > storageLimitBytes) {
      throw new AppError('storage', `Installing this library needs about ${formatBytes(needed)}, but the documentation storage limit (${formatBytes(storageLimitBytes)}) has ${formatBytes(Math.max(0, storageLimitBytes - diskBytes))} left. Remove a library or raise the limit in Settings.`);
    }
    // The download engine checks room for the package itself; the unpacked copy needs room too.
    await assertFreeSpace(this.deps.dataDir, needed);
    this.problems.delete(libraryId);
    await this.deps.downloads.enqueue({
      kind: KIND,
      url: `/docs/libraries/${encodeURIComponent(entry.id)}/package`,
      fileName: `${entry.id}.esdlib`,
      expectedSize: entry.packageSize,
      expectedSha256: entry.sha256,
      meta: { libraryId: entry.id },
      folder: join(this.deps.dataDir, 'docs-downloads'),
    });
  }

  /**
   * Installs (or updates) a library and waits until it is in the index or refused: the command
   * line's `update`. The same path as the app's button: catalogue, verified download, import in a
   * worker beside the installed copy, swapped in one transaction.
   */
  async installAndWait(libraryId: string): Promise<LibraryView> {
    await this.install(libraryId);
    const job = this.activeJob(libraryId);
    const settled = job ? await this.deps.downloads.whenSettled(job.id) : undefined;
    if (settled && settled.state !== 'passed') {
      // The command line leaves nothing behind: the refused file is not kept in quarantine.
      await this.deps.downloads.remove(settled.id).catch(() => undefined);
      if (settled.quarantinePath) await rm(settled.quarantinePath, { force: true });
      throw new AppError(settled.errorCode ?? 'validation', settled.message ?? 'The download failed. The installed library is unchanged.');
    }
    await this.imports.get(libraryId);
    const problem = this.problems.get(libraryId);
    if (problem) throw new AppError('validation', problem.message);
    const view = (await this.list()).libraries.find((l) => l.id === libraryId);
    if (!view) throw new AppError('internal', 'The library was imported but is not listed.');
    return view;
  }

  pause = (libraryId: string) => this.withJob(libraryId, (id) => this.deps.downloads.pause(id));
  resume = (libraryId: string) => this.withJob(libraryId, (id) => this.deps.downloads.resume(id));
  cancel = (libraryId: string) => this.withJob(libraryId, (id) => this.deps.downloads.remove(id));

  async remove(libraryId: string): Promise<void> {
    const job = this.activeJob(libraryId);
    if (job) await this.deps.downloads.remove(job.id);
    if (!(await this.deps.store.remove(libraryId)) && !job) throw new AppError('not_found', 'This library is not installed.');
    this.deps.onInstallsChanged();
    this.onDidChange.fire({ libraryId });
  }

  /** Imports a package file or a folder of HTML (air-gapped machines, the CLI). */
  async importLocal(job: ImportJob): Promise<ImportResult> {
    const label = job.kind === 'folder' ? job.dir : job.file;
    const result = await this.deps.runImport(job, (done, total, current) => this.onProgress.fire({ libraryId: label, phase: 'importing', done, total, ...current }));
    await this.afterImport(result);
    return result;
  }

  dispose(): void {
    this.unsubscribe.forEach((u) => u());
  }

  private importDownloaded(job: DownloadJob): Promise<void> {
    const libraryId = libraryOf(job);
    if (this.importing.has(libraryId) || !job.finalPath) return this.imports.get(libraryId) ?? Promise.resolve();
    const run = this.runDownloadedImport(job, job.finalPath).finally(() => this.imports.delete(libraryId));
    this.imports.set(libraryId, run);
    return run;
  }

  private async runDownloadedImport(job: DownloadJob, file: string): Promise<void> {
    const libraryId = libraryOf(job);
    const progress: ProgressEvent = { libraryId, phase: 'importing', done: 0, total: 1 };
    this.importing.set(libraryId, progress);
    this.onDidChange.fire({ libraryId });
    try {
      const result = await this.deps.runImport({ kind: 'package', file, source: 'catalogue', expectedSha256: job.expectedSha256 ?? undefined }, (done, total) => {
        Object.assign(progress, { done, total });
        this.onProgress.fire(progress);
      });
      await this.afterImport(result);
    } catch (error) {
      this.problems.set(libraryId, { message: error instanceof AppError ? error.message : 'The library could not be imported.', reason: null });
    } finally {
      // The package served its purpose: the index holds the library now (or the import refused it).
      await this.deps.downloads.remove(job.id).catch(() => undefined);
      await rm(file, { force: true });
      this.importing.delete(libraryId);
      this.onDidChange.fire({ libraryId });
    }
  }

  private async afterImport(result: ImportResult): Promise<void> {
    await Promise.all(result.retired.map((id) => this.deps.store.removeFiles(id)));
    this.problems.delete(result.libraryId);
    this.deps.onInstallsChanged();
    this.onDidChange.fire({ libraryId: result.libraryId });
  }

  private view(entry: CatalogueEntry | null, row: InstallRow | undefined, job: DownloadJob | undefined): LibraryView {
    const id = entry?.id ?? row!.library_id;
    const importing = this.importing.get(id);
    const activeJob = job && ['queued', 'downloading', 'verifying', 'paused', 'error'].includes(job.state) ? job : undefined;
    let state: LibraryView['state'] = row ? 'installed' : 'available';
    if (row && entry && entry.sha256 !== row.sha256 && Date.parse(entry.updatedAt) > Date.parse(row.updated_at)) state = 'update-available';
    if (this.problems.has(id) && !row) state = 'failed';
    // 'error' is a download that could not go on (offline, say): it resumes like a paused one.
    if (activeJob) state = activeJob.state === 'paused' || activeJob.state === 'error' ? 'paused' : 'downloading';
    if (importing) state = 'importing';
    return {
      id,
      product: entry?.product ?? row!.product,
      version: entry?.version ?? row!.version,
      language: entry?.language ?? row!.language,
      title: entry?.title ?? row!.title,
      topicCount: row?.topic_count ?? entry!.topicCount,
      packageSize: entry?.packageSize ?? row!.package_bytes,
      updatedAt: entry?.updatedAt ?? row!.updated_at,
      state,
      source: row?.source ?? null,
      diskBytes: row ? LibraryStore.diskBytes(row) : 0,
      download: activeJob ? { receivedBytes: activeJob.receivedBytes, totalBytes: activeJob.expectedSize } : null,
      problem: this.problems.get(id)?.message ?? null,
      problemReason: this.problems.get(id)?.reason ?? null,
    };
  }

  private docsJob(id: string): DownloadJob | undefined {
    try {
      const job = this.deps.downloads.get(id);
      return job.kind === KIND ? job : undefined;
    } catch {
      return undefined;
    }
  }

  private activeJob(libraryId: string): DownloadJob | undefined {
    return this.deps.downloads.list().find((j) => j.kind === KIND && libraryOf(j) === libraryId && ['queued', 'downloading', 'verifying', 'paused', 'error'].includes(j.state));
  }

  private async withJob(libraryId: string, action: (jobId: string) => Promise<unknown>): Promise<void> {
    const job = this.activeJob(libraryId);
    if (!job) throw new AppError('not_found', 'This library is not being downloaded.');
    await action(job.id);
    this.onDidChange.fire({ libraryId });
  }
}

const libraryOf = (job: DownloadJob) => String(job.meta.libraryId ?? '');
