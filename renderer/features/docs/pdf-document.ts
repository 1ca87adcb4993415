import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url';

// pdf.js parses in a module worker served from the app's own origin (CSP worker-src 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a library's PDF from the app's origin (/docs-assets/...). pdf.js 6 runs no code from the
 * file (no eval path, no scripting without its viewer's scripting manager, which is not loaded);
 * XFA forms are off; nothing is fetched but the file itself (connect-src 'self').
 */
export function openPdf(url: string): { promise: Promise<PDFDocumentProxy>; destroy: () => void } {
  const task = getDocument({ url, enableXfa: false, disableRange: true, disableStream: true, disableAutoFetch: true, isOffscreenCanvasSupported: false });
  return { promise: task.promise, destroy: () => void task.destroy() };
}

/** Wraps each occurrence of the words in a text layer's spans in <mark> (the query of the hit, or a find). */
export function markWords(container: HTMLElement, words: string[]): HTMLElement[] {
  const wanted = words.map((w) => w.toLowerCase()).filter((w) => w.length > 1);
  if (wanted.length === 0) return [];
  const marks: HTMLElement[] = [];
  for (const span of container.querySelectorAll<HTMLElement>('span:not(.markedContent)')) {
    const text = span.textContent ?? '';
    const lower = text.toLowerCase();
    const ranges: [number, number][] = [];
    for (const word of wanted) for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
    if (ranges.length === 0) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    span.textContent = '';
    let last = 0;
    for (const [start, end] of ranges) {
      if (start < last) continue;
      span.append(text.slice(last, start));
      const mark = document.createElement('mark');
      mark.className = 'docs-pdf__mark';
      mark.textContent = text.slice(start, end);
      span.append(mark);
      marks.push(mark);
      last = end;
    }
    span.append(text.slice(last));
  }
  return marks;
}

/** The query's words, without the syntax (quotes, minus, library keyword) the search understands. */
export function queryWords(query: string): string[] {
  const withoutScope = query.replace(/^[^\s:"]+:\s+/, '');
  return withoutScope
    .split(/[\s"()]+/)
    .filter((w) => w && !w.startsWith('-') && !['AND', 'OR', 'NOT'].includes(w))
    .map((w) => w.replace(/\*$/, ''));
}

/** The first page (1-based) at or after `from` whose text holds the phrase, wrapping around; null when none does. */
export async function findPage(doc: PDFDocumentProxy, phrase: string, from: number): Promise<number | null> {
  const needle = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!needle) return null;
  for (let i = 0; i < doc.numPages; i++) {
    const n = ((from - 1 + i) % doc.numPages) + 1;
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').toLowerCase().replace(/\s+/g, ' ');
    if (text.includes(needle)) return n;
  }
  return null;
}
