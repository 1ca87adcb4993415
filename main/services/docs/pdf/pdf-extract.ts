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
  /** Growth of the process's resident memory (buffers a bomb inflates live outside the heap). */
  rssGrowthMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { fileBytes: 200 * 1024 * 1024, millis: 180_000, heapMb: 512, rssGrowthMb: 1024 };
const RSS_POLL_MS = 100;

function workerEntry(): { url: URL; execArgv: string[] } {
  const built = new URL('./docs-pdf-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(built))) return { url: built, execArgv: [] };
  return { url: new URL('./pdf-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

/**
 * Extracts one PDF in its own worker, under the limits: past them the worker is terminated and the
 * file refused with a reason that names it. Every refusal is an AppError('validation') whose
 * message starts with the file's name, for the per-file report of a folder import.
 */
export async function extractPdf(file: string, limits: PdfLimits, onPage: (done: number, total: number) => void): Promise<PdfDocument> {
  const name = basename(file);
  const refuse = (reason: string) => new AppError('validation', `"${name}" was not imported: ${reason}`);
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile()) throw refuse('it cannot be read.');
  if (info.size > limits.fileBytes) throw refuse(`it is larger than ${Math.round(limits.fileBytes / 1024 / 1024)} MB.`);
  const data = new Uint8Array(await readFile(file));
  const entry = workerEntry();
  const startRss = process.memoryUsage.rss();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.url, {
      workerData: { data, fallbackTitle: name.replace(/\.pdf$/i, '') },
      transferList: [data.buffer as ArrayBuffer],
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(refuse(`reading it took longer than ${Math.round(limits.millis / 1000)} s (a damaged or hostile file).`))), limits.millis);
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - startRss > limits.rssGrowthMb * 1024 * 1024) settle(() => reject(refuse('reading it needed more memory than a manual may use (a damaged or hostile file).')));
    }, RSS_POLL_MS);
    worker.on('message', (message: { type: string; done?: number; total?: number; document?: PdfDocument; error?: AppErrorShape }) => {
      if (message.type === 'page') onPage(message.done!, message.total!);
      else if (message.type === 'done') settle(() => resolve(message.document!));
      else if (message.type === 'error') {
        const error = message.error!;
        settle(() => reject(error.code === 'validation' ? refuse(error.message) : refuse('it cannot be read as a PDF.')));
      }
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(refuse(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'reading it needed more memory than a manual may use (a damaged or hostile file).' : 'it cannot be read as a PDF.'))),
    );
    worker.once('exit', () => settle(() => reject(refuse('reading it stopped unexpectedly.'))));
  });
}
