import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Database from 'better-sqlite3';
import yazl from 'yazl';
import { PACKAGE_FORMAT, type Manifest, type TocNode } from '../../../shared/api/docs';
import { AppError } from '../../../shared/errors';
import { PDF } from './folder-reader';
import { assetDirFor } from './import-job';
import type { InstallRow } from './library-store';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes an installed library as a package file (for air-gapped machines): the same format the
 * catalogue serves, so `import` on another machine gives the same library. Pages keep their
 * relative layout under topics/ so links and images between them still resolve. Written to a
 * temporary name and renamed, so a failed export leaves no half file.
 */
export async function exportPackage(db: Database.Database, dataDir: string, install: InstallRow, target: string): Promise<{ topics: number; bytes: number }> {
  const topics = db.prepare('SELECT topic_id, title, path, html FROM docs_topics WHERE install_id = ? ORDER BY ord').all(install.id) as { topic_id: string; title: string; path: string; html: string }[];
  const inTopics = (path: string) => (path.startsWith('topics/') ? path : `topics/${path}`);
  const prefixAssets = topics.some((t) => !t.path.startsWith('topics/'));
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    id: install.library_id,
    product: install.product,
    version: install.version,
    language: install.language,
    title: install.title,
    updatedAt: install.updated_at,
    toc: JSON.parse(install.toc_json) as TocNode[],
    topics: topics.map((t) => ({ id: t.topic_id, title: t.title, file: inTopics(t.path) })),
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
  for (const t of topics) {
    // A PDF topic's file is among the library's files, added below under the same name.
    if (PDF.test(t.path)) continue;
    zip.addBuffer(Buffer.from(`<!doctype html><html><head><meta charset="utf-8"><title>${escape(t.title)}</title></head><body>${t.html}</body></html>`), inTopics(t.path));
  }
  const assetRoot = assetDirFor(dataDir, install.id);
  for (const file of await listFiles(assetRoot)) {
    const name = relative(assetRoot, file).split(sep).join('/');
    zip.addFile(file, prefixAssets ? inTopics(name) : name);
  }
  zip.end();
  const part = `${target}.part`;
  try {
    await pipeline(zip.outputStream, createWriteStream(part));
    await rename(part, target);
  } catch {
    await rm(part, { force: true });
    throw new AppError('storage', `The package could not be written to ${target}.`);
  }
  const { size } = await stat(target);
  return { topics: topics.length, bytes: size };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile() && !entry.name.endsWith('.part')) files.push(full);
  }
  return files;
}
