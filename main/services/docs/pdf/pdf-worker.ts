import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '../../../../shared/errors';
import { pdfSections } from './pdf-sections';
import { readPdfText } from './pdf-text';

/**
 * One PDF's text extraction, in a worker of its own so that the importer can stop it: a hostile
 * file that loops or inflates a decompression bomb is terminated on its time or memory limit
 * (pdf-extract.ts) without taking the import, or the app, with it.
 */
const { data, fallbackTitle } = workerData as { data: Uint8Array; fallbackTitle: string };
try {
  const text = await readPdfText(data, (done, total) => parentPort!.postMessage({ type: 'page', done, total }));
  parentPort!.postMessage({ type: 'done', document: pdfSections(text, fallbackTitle) });
} catch (error) {
  parentPort!.postMessage({ type: 'error', error: toErrorShape(error) });
}
