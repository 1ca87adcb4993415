import { parentPort } from 'node:worker_threads';
import { toErrorShape } from '../../../../shared/errors';
import { pdfSections } from './pdf-sections';
import { readPdfText } from './pdf-text';

/**
 * Reads PDFs one at a time for the importer, in a worker of its own so that the importer can stop
 * it: a hostile file that loops or inflates a decompression bomb is terminated on its time or
 * memory limit (pdf-extract.ts) without taking the import, or the app, with it. The worker serves
 * the files of one import in turn (starting one with pdf.js loaded costs more than a small PDF).
 */
parentPort!.on('message', async ({ data, fallbackTitle }: { data: Uint8Array; fallbackTitle: string }) => {
  try {
    const text = await readPdfText(data, (done, total) => parentPort!.postMessage({ type: 'page', done, total }));
    parentPort!.postMessage({ type: 'done', document: pdfSections(text, fallbackTitle) });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', error: toErrorShape(error) });
  }
});
// pdf.js is loaded (static imports): the importer measures a file's memory from here on.
parentPort!.postMessage({ type: 'ready' });
