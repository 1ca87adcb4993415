import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../../../shared/errors';
import type { PdfDocument } from './pdf-sections';

export interface PdfLimits {
  /** A PDF file larger than this is refused before it is read. */
  fileBytes: number;
  /** Wall time for one file's extraction. */
  millis: number;
  /** The extraction worker's JavaScript heap. */
  heapMb: number;
  /** Growth of the process's resident memory while one file is read (a bomb's inflated buffers live outside the heap). */
  rssGrowthMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { fileBytes: 200 * 1024 * 1024, millis: 180_000, heapMb: 512, rssGrowthMb: 1024 };
const RSS_POLL_MS = 100;
const OUT_OF_MEMORY = 'reading it needed more memory than a manual may use (a damaged or hostile file).';

function workerEntry(): { url: URL; execArgv: string[] } {
  const built = new URL('./docs-pdf-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(built))) return { url: built, execArgv: [] };
  return { url: new URL('./pdf-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

type WorkerMessage = { type: string; done?: number; total?: number; document?: PdfDocument; error?: AppErrorShape };

/**
 * Extracts the PDFs of one import, one at a time, in a worker (pdf-worker.ts) under the limits:
 * past them the worker is terminated, the file refused with a reason that names it, and the next
 * file gets a fresh worker. Every refusal is an AppError('validation') whose message starts with
 * the file's name, for the per-file report of a folder import. close() when the import ends.
 */
export class PdfExtractor {
  private worker: Worker | null = null;

  constructor(private readonly limits: PdfLimits = DEFAULT_PDF_LIMITS) {}

  async extract(file: string, onPage: (done: number, total: number) => void): Promise<PdfDocument> {
    const name = basename(file);
    const refuse = (reason: string) => new AppError('validation', `"${name}" was not imported: ${reason}`);
    const info = await lstat(file).catch(() => null);
    if (!info?.isFile()) throw refuse('it cannot be read.');
    if (info.size > this.limits.fileBytes) throw refuse(`it is larger than ${Math.round(this.limits.fileBytes / 1024 / 1024)} MB.`);
    const data = new Uint8Array(await readFile(file));
    const worker = await this.readyWorker();
    const startRss = process.memoryUsage.rss();
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) this.stop();
        outcome();
      };
      const timer = setTimeout(() => settle(() => reject(refuse(`reading it took longer than ${Math.round(this.limits.millis / 1000)} s (a damaged or hostile file).`)), true), this.limits.millis);
      const memoryWatch = setInterval(() => {
        if (process.memoryUsage.rss() - startRss > this.limits.rssGrowthMb * 1024 * 1024) settle(() => reject(refuse(OUT_OF_MEMORY)), true);
      }, RSS_POLL_MS);
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'page') onPage(message.done!, message.total!);
        else if (message.type === 'done') settle(() => resolve(message.document!), false);
        else if (message.type === 'error') settle(() => reject(refuse(message.error!.code === 'validation' ? message.error!.message : 'it cannot be read as a PDF.')), false);
      };
      const onError = (error: Error & { code?: string }) => settle(() => reject(refuse(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : 'it cannot be read as a PDF.')), true);
      const onExit = () => settle(() => reject(refuse('reading it stopped unexpectedly.')), true);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ data, fallbackTitle: name.replace(/\.pdf$/i, '') }, [data.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await this.stop();
  }

  /** The running worker, or a new one once it has loaded pdf.js (a worker that cannot start is an internal error). */
  private async readyWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    const entry = workerEntry();
    const worker = new Worker(entry.url, { execArgv: entry.execArgv, resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    worker.removeAllListeners('error');
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
