import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TocNode } from '../../../../shared/api/docs';
import type { LibraryWriter } from '../library-writer';
import type { PdfExtractor } from './pdf-extract';

/**
 * Imports one PDF of a folder as one topic: its text in the worker under the limits, then its
 * records (one per page or bookmark) and the file itself, kept in the library's folder so the
 * reader can show it and an export can carry it. Nothing is written for a file that is refused.
 */
export async function importPdfTopic(
  writer: LibraryWriter,
  page: { topicId: string; path: string; file: string },
  assetDir: string,
  extractor: PdfExtractor,
  onPage: (done: number, total: number) => void,
): Promise<{ title: string; language: string; toc: TocNode[]; bytes: number }> {
  const pdf = await extractor.extract(page.file, onPage);
  const bytes = await copyInto(page.file, join(assetDir, ...page.path.split('/')));
  writer.add({ topicId: page.topicId, title: pdf.title, path: page.path, html: '', sections: pdf.sections });
  return { title: pdf.title, language: pdf.language, toc: withTopic(pdf.toc, page.topicId), bytes };
}

/** The outline's nodes point at this topic (the extractor does not know the topic's id). */
function withTopic(nodes: TocNode[], topicId: string): TocNode[] {
  return nodes.map((node) => ({ ...node, topicId, ...(node.children ? { children: withTopic(node.children, topicId) } : {}) }));
}

export async function copyInto(source: string, target: string): Promise<number> {
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, `${target}.part`);
  await rename(`${target}.part`, target);
  return (await stat(target)).size;
}
