import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../../shared/errors';

/** A bookmark of the PDF's outline, flattened in reading order. */
export interface PdfOutlineItem {
  title: string;
  /** 0-based page the bookmark opens. */
  page: number;
  depth: number;
}

export interface PdfText {
  /** The document's title from its metadata, or '' when it has none. */
  metadataTitle: string;
  /** Each page's text, lines joined by newlines. */
  pages: string[];
  outline: PdfOutlineItem[];
}

export const PDF_LIMITS = {
  /** A file past this many pages is refused before its pages are read: no manual is that long, a generated file is. */
  pages: 20_000,
  /** Bookmarks read from the outline (deeper or further ones are left out of the table of contents). */
  outlineItems: 20_000,
  outlineDepth: 8,
};

/**
 * Reads the text and outline of a PDF with pdf.js's Node build. A hostile file stays inert: pdf.js 6
 * has no eval path left (the font compiler of CVE-2024-4367 used `new Function`; the option
 * `isEvalSupported` is gone with it, and test/unit/docs/pdf-safety.test.ts checks the bundle has
 * no `new Function(` or `eval(`), it runs no PDF JavaScript, fetches no fonts or CMaps, renders no
 * XFA forms. Runs inside the PDF worker (pdf-worker.ts), which the importer terminates on a time
 * or memory limit.
 */
export async function readPdfText(data: Uint8Array, onPage: (done: number, total: number) => void): Promise<PdfText> {
  const task = getDocument({ data, enableXfa: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw refusal(error);
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages) throw new AppError('validation', `it has ${doc.numPages} pages, more than the ${PDF_LIMITS.pages} a manual may have.`);
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const metadataTitle = typeof info?.Title === 'string' ? squash(info.Title) : '';
    const outline = await readOutline(doc).catch(() => []);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
      page.cleanup();
      onPage(n, doc.numPages);
    }
    return { metadataTitle, pages, outline };
  } finally {
    await task.destroy();
  }
}

async function readOutline(doc: PDFDocumentProxy): Promise<PdfOutlineItem[]> {
  const items: PdfOutlineItem[] = [];
  type Node = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];
  const walk = async (nodes: Node[], depth: number) => {
    for (const node of nodes) {
      if (items.length >= PDF_LIMITS.outlineItems) return;
      const page = await pageOf(doc, node.dest);
      const title = squash(node.title ?? '');
      if (page !== null && title) items.push({ title, page, depth });
      if (depth + 1 < PDF_LIMITS.outlineDepth && node.items?.length) await walk(node.items, depth + 1);
    }
  };
  await walk((await doc.getOutline()) ?? [], 0);
  return items;
}

/** The 0-based page a destination (named or explicit) points to, or null for a link elsewhere. */
async function pageOf(doc: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target = explicit?.[0];
    if (typeof target === 'number') return target;
    if (target && typeof target === 'object' && 'num' in target) return await doc.getPageIndex(target as { num: number; gen: number });
  } catch {
    // A broken destination: the bookmark is left out.
  }
  return null;
}

/** pdf.js's exceptions as the reason a person reads after the file's name. */
function refusal(error: unknown): AppError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new AppError('validation', 'it is protected by a password; save an unprotected copy and import that.');
  if (name === 'InvalidPDFException') return new AppError('validation', 'it is not a readable PDF (damaged or not a PDF at all).');
  if (name === 'MissingPDFException') return new AppError('validation', 'it is empty.');
  return new AppError('validation', 'it cannot be read as a PDF.');
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
