import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import type Database from 'better-sqlite3';
import { safeRelativePath, type TocNode } from '../../../shared/api/docs';
import { AppError } from '../../../shared/errors';
import { folderToc, listFolder, PDF, readPage } from './folder-reader';
import { extractPage } from './html-extract';
import { LibraryWriter } from './library-writer';
import { openPackage } from './package-reader';
import { PdfExtractor, type PdfLimits } from './pdf/pdf-extract';
import { importPdfTopic } from './pdf/pdf-topic';

export type ImportJob =
  | { kind: 'package'; file: string; source: 'catalogue' | 'package'; expectedSha256?: string | undefined }
  | {
      kind: 'folder';
      /** A folder of HTML pages and PDF files, or one PDF file. */
      dir: string;
      libraryId?: string | undefined;
      product?: string | undefined;
      version?: string | undefined;
      /** Tests lower these to prove a file past them is refused; the app uses DEFAULT_PDF_LIMITS. */
      pdfLimits?: PdfLimits | undefined;
    };

export interface ImportResult {
  installId: number;
  libraryId: string;
  topicCount: number;
  /** Installs this one replaced: their asset folders can go. */
  retired: number[];
  /** Files of a folder that were refused (a damaged, protected or hostile PDF), each with its reason; the others were imported. */
  skipped: { file: string; message: string }[];
}

/** The file being read and, for a PDF, its page: a long manual reports progress page by page. */
export type ProgressDetail = { file: string; page?: number | undefined; pages?: number | undefined };
export type Progress = (done: number, total: number, detail?: ProgressDetail) => void;

export const assetDirFor = (dataDir: string, installId: number) => join(dataDir, 'docs', String(installId));

/** Runs one import to the end, or leaves nothing behind: rows are deleted and files removed on any failure. */
export async function runImport(db: Database.Database, dataDir: string, job: ImportJob, progress: Progress): Promise<ImportResult> {
  return job.kind === 'package' ? importPackage(db, dataDir, job, progress) : importFolder(db, dataDir, job, progress);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function importPackage(db: Database.Database, dataDir: string, job: Extract<ImportJob, { kind: 'package' }>, progress: Progress) {
  const sha256 = await sha256File(job.file).catch(() => {
    throw new AppError('not_found', `The package file "${basename(job.file)}" cannot be read.`);
  });
  if (job.expectedSha256 && sha256 !== job.expectedSha256) {
    throw new AppError('validation', 'This library package is damaged or was changed: its SHA-256 checksum does not match. Nothing was imported.');
  }
  const pkg = await openPackage(job.file);
  const { manifest } = pkg;
  const packageBytes = (await stat(job.file)).size;
  const writer = new LibraryWriter(db, { ...manifest, libraryId: manifest.id, source: job.source, sha256, packageBytes });
  const assetDir = assetDirFor(dataDir, writer.installId);
  const pdfs = new PdfExtractor();
  try {
    let assetBytes = 0;
    for (const name of pkg.assetNames) {
      const data = await pkg.read(name);
      await writeAtomic(join(assetDir, ...name.split('/')), data);
      assetBytes += data.length;
    }
    const total = manifest.topics.length;
    for (const [i, topic] of manifest.topics.entries()) {
      if (PDF.test(topic.file)) {
        // A package is one unit: a PDF of it that cannot be read refuses the whole package.
        const data = await pkg.read(topic.file);
        const target = join(assetDir, ...topic.file.split('/'));
        await writeAtomic(target, data);
        assetBytes += data.length;
        const pdf = await pdfs.extract(target, (page, pages) => progress(i, total, { file: topic.file, page, pages }));
        writer.add({ topicId: topic.id, title: topic.title, path: topic.path ?? topic.file, html: '', sections: pdf.sections });
        continue;
      }
      const page = extractPage((await pkg.read(topic.file)).toString('utf8'), topic.title);
      page.sections[0]!.title = topic.title;
      writer.add({ topicId: topic.id, title: topic.title, path: topic.path ?? topic.file, html: page.bodyHtml, sections: page.sections });
      if (i % 200 === 0) progress(i, total);
    }
    const retired = writer.finish(assetBytes);
    progress(total, total);
    return { installId: writer.installId, libraryId: manifest.id, topicCount: total, retired, skipped: [] };
  } catch (error) {
    discard(writer);
    await rm(assetDir, { recursive: true, force: true });
    throw error;
  } finally {
    pkg.close();
    await pdfs.close();
  }
}

async function importFolder(db: Database.Database, dataDir: string, job: Extract<ImportJob, { kind: 'folder' }>, progress: Progress) {
  const { root, pages } = await listFolder(job.dir);
  const singlePdf = PDF.test(job.dir) && pages.length === 1;
  const name = singlePdf ? basename(job.dir).replace(PDF, '') : basename(root);
  const libraryId = job.libraryId ?? `${name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 80) || 'manual'}-local`;
  const product = job.product ?? name;
  const titles: { topicId: string; path: string; title: string; children?: TocNode[] }[] = [];
  const skipped: ImportResult['skipped'] = [];
  let pdfMeta: { title: string; language: string } | null = null;
  const writer = new LibraryWriter(db, {
    libraryId, product, version: job.version ?? 'local', language: 'en', title: product, source: 'folder', updatedAt: new Date().toISOString(), toc: [],
  });
  const assetDir = assetDirFor(dataDir, writer.installId);
  const pagePaths = new Set(pages.map((p) => p.path));
  const copied = new Set<string>();
  let assetBytes = 0;
  const pdfs = new PdfExtractor(job.pdfLimits);
  try {
    for (const [i, page] of pages.entries()) {
      if (PDF.test(page.path)) {
        const onPage = (done: number, count: number) => progress(i, pages.length, { file: page.path, page: done, pages: count });
        const pdf = await importPdfTopic(writer, page, assetDir, pdfs, onPage).catch((error: unknown) => {
          if (!(error instanceof AppError) || error.code !== 'validation') throw error;
          skipped.push({ file: page.path, message: error.message });
          return null;
        });
        if (pdf) {
          assetBytes += pdf.bytes;
          titles.push({ topicId: page.topicId, path: page.path, title: pdf.title, children: pdf.toc });
          pdfMeta = { title: pdf.title, language: pdf.language };
        }
        continue;
      }
      const extracted = extractPage(await readPage(page.file), basename(page.path).replace(/\.x?html?$/i, ''));
      writer.add({ topicId: page.topicId, title: extracted.title, path: page.path, html: extracted.bodyHtml, sections: extracted.sections });
      titles.push({ topicId: page.topicId, path: page.path, title: extracted.title });
      for (const src of extracted.images) {
        const rel = resolveRelative(page.path, src);
        if (!rel || copied.has(rel) || pagePaths.has(rel)) continue;
        copied.add(rel);
        assetBytes += await copyInside(root, rel, join(assetDir, ...rel.split('/')));
      }
      if (i % 200 === 0) progress(i, pages.length);
    }
    if (titles.length === 0) {
      throw new AppError('validation', skipped.length === 1 ? skipped[0]!.message : `None of the ${skipped.length} files could be imported. ${skipped.map((s) => s.message).join(' ')}`);
    }
    const toc = singlePdf ? titles[0]!.children ?? [] : folderToc(titles);
    db.prepare('UPDATE docs_installs SET toc_json = ? WHERE id = ?').run(JSON.stringify(toc), writer.installId);
    if (singlePdf && pdfMeta && !job.product) db.prepare('UPDATE docs_installs SET title = ?, product = ?, language = ? WHERE id = ?').run(pdfMeta.title, pdfMeta.title, pdfMeta.language, writer.installId);
    const retired = writer.finish(assetBytes);
    progress(pages.length, pages.length);
    return { installId: writer.installId, libraryId, topicCount: titles.length, retired, skipped };
  } catch (error) {
    discard(writer);
    await rm(assetDir, { recursive: true, force: true });
    throw error;
  } finally {
    await pdfs.close();
  }
}

/** A page-relative URL as a path inside the library, or null for remote, absolute or escaping URLs. */
export function resolveRelative(pagePath: string, url: string): string | null {
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/') || url.startsWith('#')) return null;
  const clean = url.split('#')[0]!.split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    return null;
  }
  const joined = posix.normalize(posix.join(posix.dirname(pagePath), decoded));
  return safeRelativePath(joined);
}

/** Copies a referenced image only if it really lies inside the folder (symlinks resolved). */
async function copyInside(root: string, rel: string, target: string): Promise<number> {
  try {
    const real = await realpath(join(root, ...rel.split('/')));
    if (!real.startsWith(root + (root.endsWith('/') ? '' : '/'))) return 0;
    const info = await stat(real);
    if (!info.isFile() || info.size > 20 * 1024 * 1024) return 0;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(real, `${target}.part`);
    await rename(`${target}.part`, target);
    return info.size;
  } catch {
    return 0; // a missing image is the manual's own problem; the page still imports
  }
}

/**
 * Deletes a failed install's rows. A full disk can refuse even that (the delete needs log space): the
 * rows then stay 'importing', invisible to search, and go before the next import and at every start
 * (LibraryStore.removeUnfinished); the import's own error is the one reported.
 */
function discard(writer: LibraryWriter): void {
  try {
    writer.abort();
  } catch {
    // Left for removeUnfinished, as above.
  }
}

async function writeAtomic(target: string, data: Buffer): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(`${target}.part`, data);
  await rename(`${target}.part`, target);
}
