import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import type { ImportJob, ImportResult, Progress, ProgressDetail } from './import-job';
import { log } from '../logging/log';

/**
 * Starts an import in a worker thread. Under tsx/vitest the worker is the TypeScript source loaded
 * through tsx; in the built app it is the bundled docs-import-worker.js beside main's index.js.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const built = new URL('./docs-import-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(built))) return { url: built, execArgv: [] };
  return { url: new URL('./import-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

/**
 * The worker's old generation is capped: V8 otherwise lets the heap grow to several times what is
 * live while a large manual streams through (a 455 MB manual peaked at 870 MB of RSS), where a
 * capped heap is collected sooner. Live data stays far below it (one batch of pages, the vocabulary,
 * one page of at most 20 MB being parsed).
 */
const WORKER_HEAP_MB = 256;

/** `key`: the local database's key (it is encrypted at rest); the worker opens its own connection with it. */
export function importInWorker(dbFile: string, dataDir: string, job: ImportJob, progress: Progress, key: Buffer | null = null): Promise<ImportResult> {
  return inWorker(dbFile, dataDir, job, progress, 'imported', key);
}

/** Runs the pending index upgrades of docs migrations (index-upgrades.ts) in the import worker; resolves to the versions upgraded. */
export function upgradeInWorker(dbFile: string, progress: Progress, key: Buffer | null = null): Promise<number[]> {
  return inWorker(dbFile, '', 'upgrade', progress, 'upgraded', key);
}

function inWorker<T>(dbFile: string, dataDir: string, job: ImportJob | 'upgrade', progress: Progress, what: 'imported' | 'upgraded', key: Buffer | null): Promise<T> {
  const entry = workerEntry();
  const nothing = what === 'imported' ? 'Nothing was imported.' : 'The search index was left as it was.';
  const work = what === 'imported' ? 'import' : 'search index upgrade';
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.url, { workerData: { dbFile, dataDir, job, keyHex: key?.toString('hex') ?? null }, execArgv: entry.execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    worker.on('message', (message: { type: string; done?: number; total?: number; current?: ProgressDetail; result?: T; error?: AppErrorShape; detail?: string }) => {
      if (message.type === 'progress') progress(message.done!, message.total!, message.current);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.result!);
      } else if (message.type === 'error') {
        settled = true;
        if (message.error!.code === 'internal') log.error(`docs worker: the ${work} failed`, { detail: message.detail });
        reject(new AppError(message.error!.code, message.error!.code === 'internal' ? `The ${work} failed unexpectedly. ${nothing}` : message.error!.message));
      }
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return reject(new AppError('validation', `The ${work} needed more memory than it may use (a page of this manual is too large). ${nothing}`));
      log.error(`docs worker: crashed during the ${work}`, { error });
      reject(new AppError('internal', `The ${work} failed unexpectedly. ${nothing}`));
    });
    worker.once('exit', () => {
      if (!settled) reject(new AppError('internal', `The ${work} stopped unexpectedly. ${nothing}`));
    });
  });
}
