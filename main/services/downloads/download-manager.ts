/**
 * The download engine, shared by software packages (issue 4) and documentation libraries (issue 3).
 *
 * Public API (import from main/services/downloads):
 *
 *   const downloads = new DownloadManager({
 *     db,                        // the LocalDatabase; jobs live in table downloads_jobs (scope 'downloads')
 *     fetch,                     // FetchLike, the same one ApiClient gets (Electron's session.fetch in the app)
 *     baseUrl,                   // the API's base URL: relative job URLs resolve against it, and the
 *                                //   bearer token is sent only to this origin
 *     getAccessToken,            // () => Promise<string | null>, e.g. () => session.getAccessToken()
 *     downloadFolder,            // () => string, read when a job is queued (settings' downloadFolder)
 *     quarantineFolder,          // where FAILed files go, outside the download folder
 *     concurrency?: 2, maxAttempts?: 6, statfs?, now?, sleep?
 *   });
 *   downloads.registerVerifier('docs', expectedHashVerifier);  // PASS iff size and sha256 match the job's
 *   downloads.start();                                          // when a user is signed in: resumes jobs left by the last run
 *   downloads.suspend();                                        // at sign-out: stops transfers, keeps them queued
 *   const job = await downloads.enqueue({ kind: 'docs', url: '/docs/libraries/x/package',
 *     fileName: 'x.zip', expectedSize, expectedSha256, meta: { libraryId } });
 *   downloads.pause(id) · downloads.resume(id) · downloads.cancel(id) · downloads.remove(id)
 *   downloads.get(id) · downloads.list()          // newest first: queue and persisted history
 *   downloads.onDidChange.on((job) => ...)        // every state change (DownloadJob)
 *   downloads.onProgress.on((p) => ...)           // { id, receivedBytes, totalBytes, bytesPerSecond, etaSeconds }, ≤ 5/s per job
 *   downloads.whenSettled(id)                     // resolves with the job once it is no longer queued/downloading/verifying
 *   downloads.dispose()                           // stops transfers; running jobs stay queued and resume on next start()
 *
 * Guarantees: enqueue refuses (AppError 'storage') a file that does not fit in the free space; bytes go
 * to a part file (<folder>/.<id>.part) and are hashed (sha256) as they are written, never in a second
 * pass (after an app restart the part file is re-read once to rebuild the hash); dropped connections are
 * retried with Range + If-Range, a changed ETag or a 200 restarts from zero, a 416 restarts once; the
 * verifier for the job's kind decides PASS (moved to its sanitized final name, never overwriting: a
 * "name (1).ext" is chosen) or FAIL (moved to the quarantine folder; job.reason holds a code and its figures, job.message
 * the same in English). A kind
 * without a verifier FAILs: nothing unverified reaches the download folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FailReason, PassReason } from '../../../shared/contract/download-reason';
import { AppError } from '../../../shared/errors';
import { ApiClient, type FetchLike, type StreamResponse } from '../api/api-client';
import { errorFromResponse } from '../api/http-errors';
import { isRetryable, retryDelay } from '../api/retry-policy';
import { isDiskFull } from '../disk-full';
import { Emitter } from '../emitter';
import type { LocalDatabase } from '../local-db/local-database';
import { assertFreeSpace, type StatFs } from './disk-space';
import { DownloadStore } from './download-store';
import type { DownloadJob, DownloadProgress, DownloadRequest, DownloadState, Verifier, VerifyOutcome } from './download-types';
import { moveFile, moveWithoutOverwrite, sanitizeFileName } from './file-names';
import { ProgressMeter } from './progress-meter';
import { reasonText } from './reason-text';
import { hashFile, OversizeError, RangeNotSatisfiableError, restorePart, transfer, type PartState } from './transfer';
import { logFailure } from '../logging/log';

export interface DownloadManagerOptions {
  db: LocalDatabase;
  /** The app's client for the signed-in user: files on the API's origin go through it (token, 401, errors, reachability). */
  api?: ApiClient;
  /** Used for files on another origin (no token is sent there), and to build `api` when none is given. */
  fetch: FetchLike;
  baseUrl: string;
  getAccessToken: () => Promise<string | null>;
  downloadFolder: () => string;
  quarantineFolder: string;
  concurrency?: number;
  /** Attempts without progress before a job ends in `error` (progress resets the count). */
  maxAttempts?: number;
  statfs?: StatFs;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

type StopReason = 'pause' | 'cancel' | 'shutdown';
interface Active {
  controller: AbortController;
  reason: StopReason | null;
  done: Promise<void>;
}

const ACTIVE_STATES: readonly DownloadState[] = ['queued', 'downloading', 'verifying'];
const PROGRESS_INTERVAL_MS = 200;
const PERSIST_INTERVAL_MS = 1_000;
const RESUMABLE_STATUSES = (status: number) => status === 416;

export class DownloadManager {
  readonly onDidChange = new Emitter<DownloadJob>();
  readonly onProgress = new Emitter<DownloadProgress>();
  private readonly store: DownloadStore;
  private readonly verifiers = new Map<string, Verifier>();
  private readonly active = new Map<string, Active>();
  private readonly settled = new Map<string, ((job: DownloadJob) => void)[]>();
  private readonly now: () => number;
  private readonly api: ApiClient;
  private started = false;
  private disposed = false;

  constructor(private readonly options: DownloadManagerOptions) {
    this.store = new DownloadStore(options.db);
    this.now = options.now ?? Date.now;
    this.api = options.api ?? new ApiClient({ baseUrl: options.baseUrl, fetch: options.fetch, getAccessToken: options.getAccessToken });
  }

  /** Files on the Support API's origin go through its client; a file elsewhere is fetched without the user's token. */
  private openStream(url: URL): (href: string, headers: Record<string, string>, signal: AbortSignal) => Promise<StreamResponse> {
    if (url.origin === new URL(this.api.baseUrl).origin) return (href, headers, signal) => this.api.stream({ url: href, headers, signal, accept: RESUMABLE_STATUSES });
    return async (href, headers, signal) => {
      const response = await this.options.fetch(href, { headers, signal });
      if (response.status >= 400 && !RESUMABLE_STATUSES(response.status)) {
        await response.body?.cancel();
        throw errorFromResponse(response.status, undefined, response.headers.get('retry-after'));
      }
      return { status: response.status, header: (name) => response.headers.get(name), body: response.body, discard: async () => void (await response.body?.cancel()) };
    };
  }

  registerVerifier(kind: string, verifier: Verifier): void {
    this.verifiers.set(kind, verifier);
  }

  /**
   * Starts the queue: picks up jobs an earlier run left queued or running, and jobs stopped because
   * the session had ended. Call it once a user is signed in (every download needs their token).
   */
  start(): void {
    this.started = true;
    for (const job of this.store.inStates(['downloading', 'verifying'])) {
      if (!this.active.has(job.id)) this.store.update(job.id, { state: 'queued' });
    }
    for (const job of this.store.inStates(['error'])) {
      if (job.errorCode === 'unauthorized') this.setState(job.id, { state: 'queued', errorCode: null, message: null, reason: null });
    }
    this.pump();
  }

  /** Stops every transfer without forgetting it (sign-out): the jobs stay queued until start(). */
  async suspend(): Promise<void> {
    this.started = false;
    await Promise.all([...this.active.keys()].map((id) => this.stop(id, 'shutdown')));
  }

  async enqueue(request: DownloadRequest): Promise<DownloadJob> {
    if (!Number.isSafeInteger(request.expectedSize) || request.expectedSize < 0) throw new AppError('validation', 'The file size is not valid.');
    const folder = request.folder ?? this.options.downloadFolder();
    await mkdir(folder, { recursive: true });
    await assertFreeSpace(folder, request.expectedSize, this.options.statfs);
    const id = randomUUID();
    const at = this.now();
    const job: DownloadJob = {
      id, kind: request.kind, url: request.url, fileName: sanitizeFileName(request.fileName), folder, partPath: join(folder, `.${id}.part`),
      finalPath: null, quarantinePath: null, expectedSize: request.expectedSize, expectedSha256: request.expectedSha256?.toLowerCase() ?? null,
      meta: request.meta ?? {}, etag: null, receivedBytes: 0, state: 'queued', errorCode: null, message: null, reason: null, sha256: null,
      createdAt: at, updatedAt: at, finishedAt: null,
    };
    this.store.insert(job);
    this.onDidChange.fire(job);
    this.pump();
    return job;
  }

  list(): DownloadJob[] {
    return this.store.list();
  }

  get(id: string): DownloadJob {
    const job = this.store.get(id);
    if (!job) throw new AppError('not_found', 'This download is not in the list any more.');
    return job;
  }

  async pause(id: string): Promise<DownloadJob> {
    const job = this.get(id);
    if (job.state === 'queued') return this.setState(id, { state: 'paused' });
    if (job.state === 'downloading') await this.stop(id, 'pause');
    return this.get(id);
  }

  /** Continues a paused or interrupted job from its part file; a FAILed or cancelled one starts over. */
  async resume(id: string): Promise<DownloadJob> {
    const job = this.get(id);
    if (job.state === 'paused' || job.state === 'error') {
      await assertFreeSpace(job.folder, job.expectedSize - job.receivedBytes, this.options.statfs);
      this.setState(id, { state: 'queued', errorCode: null, message: null, reason: null });
    } else if (job.state === 'failed' || job.state === 'cancelled') {
      await assertFreeSpace(job.folder, job.expectedSize, this.options.statfs);
      this.setState(id, { state: 'queued', errorCode: null, message: null, reason: null, receivedBytes: 0, etag: null, sha256: null, quarantinePath: null, finalPath: null });
    }
    this.pump();
    return this.get(id);
  }

  async cancel(id: string): Promise<DownloadJob> {
    const job = this.get(id);
    if (job.state === 'passed' || job.state === 'failed' || job.state === 'cancelled') return job;
    if (this.active.has(id)) await this.stop(id, 'cancel');
    // State first: the queue must not pick the job up again while the part file is being deleted.
    const cancelled = this.setState(id, { state: 'cancelled', receivedBytes: 0, etag: null, finishedAt: this.now() });
    await rm(job.partPath, { force: true });
    return cancelled;
  }

  /** Forgets a finished job (the downloaded file itself stays where it is). */
  async remove(id: string): Promise<void> {
    const job = this.get(id);
    if (this.active.has(id) || ACTIVE_STATES.includes(job.state) || job.state === 'paused') await this.cancel(id);
    this.store.delete(id);
  }

  whenSettled(id: string): Promise<DownloadJob> {
    const job = this.get(id);
    if (!ACTIVE_STATES.includes(job.state)) return Promise.resolve(job);
    return new Promise((resolve) => this.settled.set(id, [...(this.settled.get(id) ?? []), resolve]));
  }

  /** Stops every transfer; their jobs stay queued in the database and continue after the next start(). */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.active.keys()].map((id) => this.stop(id, 'shutdown')));
  }

  private async stop(id: string, reason: StopReason): Promise<void> {
    const active = this.active.get(id);
    if (!active) return;
    active.reason = reason;
    active.controller.abort();
    await active.done;
  }

  private pump(): void {
    if (!this.started || this.disposed) return;
    const limit = this.options.concurrency ?? 2;
    for (const job of this.store.inStates(['queued'])) {
      if (this.active.size >= limit) return;
      if (this.active.has(job.id)) continue;
      const controller = new AbortController();
      const active: Active = { controller, reason: null, done: Promise.resolve() };
      this.active.set(job.id, active);
      active.done = this.run(job, active).finally(() => {
        this.active.delete(job.id);
        const settledJob = this.store.get(job.id);
        if (settledJob && !ACTIVE_STATES.includes(settledJob.state)) {
          for (const resolve of this.settled.get(job.id) ?? []) resolve(settledJob);
          this.settled.delete(job.id);
        }
        this.pump();
      });
    }
  }

  private async run(job: DownloadJob, active: Active): Promise<void> {
    const { signal } = active.controller;
    this.setState(job.id, { state: 'downloading', errorCode: null, message: null, reason: null });
    let part: PartState | null = null;
    try {
      if (job.finalPath && (await this.finishInterruptedMove(job))) return;
      part = await restorePart(job.partPath, job.expectedSize, job.etag);
      await assertFreeSpace(job.folder, job.expectedSize - part.bytes, this.options.statfs);
      await this.download(job, part, signal);
      const sha256 = part.hash.digest('hex');
      this.setState(job.id, { state: 'verifying', receivedBytes: part.bytes, etag: part.etag, sha256 });
      await this.verify(this.get(job.id), sha256, part.bytes);
    } catch (error) {
      const reason = active.reason;
      const bytes = part?.bytes ?? job.receivedBytes;
      if (reason === 'cancel') return;
      if (error instanceof OversizeError && part) {
        // Not the published file: FAIL like a bad checksum, out of the download folder.
        await this.quarantine(job, { code: 'oversize', expected: job.expectedSize }).catch(logFailure('downloads: could not quarantine an oversize download', { job: job.id }));
        return;
      }
      if (reason === 'pause') this.setState(job.id, { state: 'paused', receivedBytes: bytes, etag: part?.etag ?? null });
      else if (reason === 'shutdown') this.store.update(job.id, { state: 'queued', receivedBytes: bytes, etag: part?.etag ?? null });
      else {
        const shape = error instanceof AppError ? error : new AppError('offline', `The download stopped: ${(error as Error).message}`);
        this.setState(job.id, { state: 'error', errorCode: shape.code, message: shape.message, receivedBytes: bytes, etag: part?.etag ?? null });
      }
    }
  }

  private async download(job: DownloadJob, part: PartState, signal: AbortSignal): Promise<void> {
    const url = new URL(job.url, this.options.baseUrl);
    const open = this.openStream(url);
    const meter = new ProgressMeter(this.now);
    let lastEvent = 0;
    let lastPersist = this.now();
    const onBytes = (bytes: number) => {
      const at = this.now();
      meter.sample(bytes);
      if (at - lastPersist >= PERSIST_INTERVAL_MS) {
        lastPersist = at;
        this.store.update(job.id, { receivedBytes: bytes, etag: part.etag, updatedAt: at });
      }
      if (at - lastEvent < PROGRESS_INTERVAL_MS && bytes < job.expectedSize) return;
      lastEvent = at;
      this.onProgress.fire({ id: job.id, receivedBytes: bytes, totalBytes: job.expectedSize, bytesPerSecond: meter.bytesPerSecond(), etaSeconds: meter.etaSeconds(bytes, job.expectedSize) });
    };
    const maxAttempts = this.options.maxAttempts ?? 6;
    let failures = 0;
    let rangeRestarts = 0;
    // Everything arrived before the last run ended (it stopped while verifying): nothing to ask for.
    if (part.bytes > 0 && part.bytes === job.expectedSize) return;
    for (;;) {
      const before = part.bytes;
      try {
        await transfer({
          open, url: url.href, partPath: job.partPath, part, maxBytes: job.expectedSize, signal, onBytes,
          onValidator: (etag) => this.store.update(job.id, { receivedBytes: part.bytes, etag }),
        });
        this.store.update(job.id, { receivedBytes: part.bytes, etag: part.etag });
        return;
      } catch (error) {
        if (signal.aborted || error instanceof OversizeError) throw error;
        if (error instanceof RangeNotSatisfiableError) {
          if (part.bytes > 0 && error.totalBytes === part.bytes) return;
          if (++rangeRestarts > 1) throw new AppError('server', 'The server could not resume this file twice in a row.');
          await this.restartPart(job, part);
          continue;
        }
        if (isDiskFull(error)) throw new AppError('storage', 'The disk became full during the download. Free some space, then resume it.');
        // A refusal (401, 403, 404...) will not change by asking again; a dropped connection may.
        if (error instanceof AppError && !isRetryable(error)) throw error;
        failures = part.bytes > before ? 1 : failures + 1;
        if (failures >= maxAttempts) throw error instanceof AppError ? error : new AppError('offline', `The connection keeps dropping (${(error as Error).message}). Resume to try again.`);
        const sleep = this.options.sleep ?? abortableSleep;
        await sleep(retryDelay(error, failures, { baseDelayMs: 500, maxDelayMs: 30_000 }), signal);
      }
    }
  }

  private async restartPart(job: DownloadJob, part: PartState): Promise<void> {
    const fresh = await restorePart(job.partPath, 0, null);
    Object.assign(part, fresh);
    this.store.update(job.id, { receivedBytes: 0, etag: null });
  }

  private async verify(job: DownloadJob, sha256: string, size: number): Promise<void> {
    const outcome = await this.check(job, sha256, size, job.partPath);
    if (outcome.ok) {
      // Each name is recorded before it is taken: a kill inside the move is finished by the next run
      // (finishInterruptedMove) instead of leaving the file twice, as "name" and "name (1)".
      const finalPath = await moveWithoutOverwrite(job.partPath, job.folder, job.fileName, (target) => this.store.update(job.id, { finalPath: target }));
      this.pass(job.id, finalPath, outcome.reason);
      return;
    }
    await this.quarantine(job, outcome.reason);
  }

  private async check(job: DownloadJob, sha256: string, size: number, path: string): Promise<VerifyOutcome> {
    const verifier = this.verifiers.get(job.kind);
    if (!verifier) return { ok: false, reason: { code: 'no-verifier', kind: job.kind } };
    return Promise.resolve(verifier({ job, sha256, size, partPath: path })).catch((error: unknown) => ({
      ok: false as const,
      reason: { code: 'check-failed' as const, error: error instanceof Error ? error.message : String(error) },
    }));
  }

  private pass(id: string, finalPath: string, reason: PassReason): void {
    this.setState(id, { state: 'passed', finalPath, reason, message: reasonText(reason), finishedAt: this.now() });
  }

  /**
   * The last run died inside the PASS move: the file may already be at the name it recorded (linked,
   * or linked and the part file gone). When that file is the verified one (the part's own inode, or
   * the verified size and SHA-256) and still passes its verifier, the job ends there; otherwise the
   * name was someone else's and the job carries on as usual.
   */
  private async finishInterruptedMove(job: DownloadJob): Promise<boolean> {
    const finalPath = job.finalPath!;
    const [final, part] = await Promise.all([stat(finalPath).catch(() => null), stat(job.partPath).catch(() => null)]);
    const sameFile = final !== null && part !== null && final.ino === part.ino && final.dev === part.dev;
    const verified =
      final !== null && job.sha256 !== null && final.size === job.expectedSize && (sameFile || (await hashFile(finalPath)).digest('hex') === job.sha256);
    const outcome = verified ? await this.check(job, job.sha256!, final.size, finalPath) : null;
    if (!outcome?.ok) {
      this.store.update(job.id, { finalPath: null });
      return false;
    }
    await rm(job.partPath, { force: true });
    this.pass(job.id, finalPath, outcome.reason);
    return true;
  }

  private async quarantine(job: DownloadJob, reason: FailReason): Promise<void> {
    await mkdir(this.options.quarantineFolder, { recursive: true });
    const quarantinePath = join(this.options.quarantineFolder, `${job.id}-${job.fileName}`);
    await moveFile(job.partPath, quarantinePath);
    this.setState(job.id, { state: 'failed', quarantinePath, errorCode: null, reason, message: reasonText(reason), finishedAt: this.now() });
  }

  private setState(id: string, patch: Partial<Omit<DownloadJob, 'id' | 'meta'>>): DownloadJob {
    this.store.update(id, { ...patch, updatedAt: this.now() });
    const job = this.get(id);
    this.onDidChange.fire(job);
    return job;
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(new Error('aborted')));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
