import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { TocNode } from '../../../shared/api/docs';
import { AppError } from '../../../shared/errors';

export interface FolderPage {
  topicId: string;
  /** Relative to the folder, with forward slashes: what links between pages use. */
  path: string;
  file: string;
}

const MAX_PAGES = 250_000;
const PAGE = /\.x?html?$/i;
/** PDF manuals are imported beside HTML pages (pdf/pdf-extract.ts), one topic per file. */
export const PDF = /\.pdf$/i;

/**
 * Lists a folder of manuals (any product's): every .html/.htm page and .pdf file below it, symlinks
 * not followed, in a stable order with index pages first so a chapter's own page leads it. A single
 * PDF file is listed as a folder holding only it.
 */
export async function listFolder(root: string): Promise<{ root: string; pages: FolderPage[] }> {
  let rootReal: string;
  const files: string[] = [];
  try {
    rootReal = await realpath(root);
    const info = await lstat(rootReal);
    if (info.isFile() && PDF.test(rootReal)) {
      files.push(rootReal);
      rootReal = dirname(rootReal);
    } else if (!info.isDirectory()) throw new Error();
  } catch {
    throw new AppError('validation', `"${root}" is not a folder or PDF file that can be read.`);
  }
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (PAGE.test(entry.name) || PDF.test(entry.name))) files.push(full);
      if (files.length > MAX_PAGES) throw new AppError('validation', 'The folder has too many pages to import.');
    }
  };
  if (files.length === 0) await walk(rootReal);
  if (files.length === 0) throw new AppError('validation', 'The folder has no HTML pages or PDF files.');
  const used = new Set<string>();
  const pages = files.map((file) => {
    const path = relative(rootReal, file).split(sep).join('/');
    return { topicId: uniqueId(path, used), path, file };
  });
  return { root: rootReal, pages };
}

const order = (name: string) => (/^index\.x?html?$/i.test(name) ? 0 : 1);

function uniqueId(path: string, used: Set<string>): string {
  const base = path.replace(PAGE, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 180) || 'page';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The table of contents follows the folders: a folder is a chapter titled by its index page (or its name). */
export function folderToc(pages: { topicId: string; path: string; title: string; children?: TocNode[] | undefined }[]): TocNode[] {
  const root: TocNode = { title: '', children: [] };
  const folders = new Map<string, TocNode>([['', root]]);
  const folderNode = (dir: string): TocNode => {
    const known = folders.get(dir);
    if (known) return known;
    const parentDir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
    const node: TocNode = { title: basename(dir), children: [] };
    folderNode(parentDir).children!.push(node);
    folders.set(dir, node);
    return node;
  };
  for (const page of pages) {
    const dir = page.path.includes('/') ? page.path.slice(0, page.path.lastIndexOf('/')) : '';
    const node = folderNode(dir);
    if (dir && /^index\.x?html?$/i.test(basename(page.path)) && !node.topicId) {
      node.title = page.title;
      node.topicId = page.topicId;
    } else node.children!.push({ title: page.title, topicId: page.topicId, ...(page.children?.length ? { children: page.children } : {}) });
  }
  return root.children!;
}

export async function readPage(file: string): Promise<string> {
  const stat = await lstat(file);
  if (stat.size > 20 * 1024 * 1024) throw new AppError('validation', `"${basename(file)}" is too large to import.`);
  return readFile(file, 'utf8');
}

export const isPage = (name: string) => PAGE.test(extname(name) ? name : '');
