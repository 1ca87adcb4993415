import type { TocNode } from '../../../../shared/api/docs';
import { MAX_RECORD_TEXT, type ExtractedSection } from '../html-extract';
import { squash, type PdfOutlineItem, type PdfText } from './pdf-text';

export interface PdfDocument {
  title: string;
  /** 'zh' or 'ja' when Chinese or Japanese text dominates, else 'en' (search segments CJK text either way). */
  language: string;
  pageCount: number;
  /** Search records, the same shape the HTML importer writes; each anchor is "page=N" (1-based). */
  sections: ExtractedSection[];
  /** The outline as table-of-contents nodes (topicId filled in by the importer, anchor "page=N"). */
  toc: TocNode[];
}

export const pageAnchor = (page: number) => `page=${page + 1}`;

/**
 * Turns a PDF's pages and outline into search records. A bookmark starts a record at its page (at
 * its title's place on the page when the title is found there, so that three sections starting
 * on one page are three records); the pages that follow until the next bookmark are records of
 * their own titled "Page N", with the bookmark's path as headings, so that a hit opens at the page
 * that holds the words and a section's title match ranks only the page where it starts.
 */
export function pdfSections(text: PdfText, fallbackTitle: string): PdfDocument {
  const firstLine = squash(text.pages[0]?.split('\n').find((line) => squash(line)) ?? '');
  const title = text.metadataTitle || firstLine.slice(0, 200) || fallbackTitle;
  const byPage = new Map<number, PdfOutlineItem[]>();
  for (const item of text.outline) byPage.set(item.page, [...(byPage.get(item.page) ?? []), item]);

  const sections: ExtractedSection[] = [];
  const path: string[] = []; // the open bookmarks' titles, by depth
  const headingsOf = (depth: number) => [title, ...path.slice(0, depth)].join(' › ');
  text.pages.forEach((pageText, page) => {
    const items = byPage.get(page) ?? [];
    let at = 0;
    const cuts = items.map((item) => {
      const found = findTitle(pageText, item.title, at);
      if (found >= 0) at = found;
      return at;
    });
    const lead = pageText.slice(0, cuts[0] ?? pageText.length);
    if (items.length === 0 || squash(lead)) {
      const isFirst = page === 0 && sections.length === 0;
      sections.push(record(page, isFirst ? title : `Page ${page + 1}`, isFirst ? '' : headingsOf(path.length), lead));
    }
    items.forEach((item, i) => {
      path.length = item.depth;
      sections.push(record(page, item.title, headingsOf(item.depth), pageText.slice(cuts[i], cuts[i + 1] ?? pageText.length)));
      path[item.depth] = item.title;
    });
  });
  if (sections.length === 0) sections.push(record(0, title, '', ''));
  return { title, language: detectLanguage(text.pages), pageCount: text.pages.length, sections, toc: outlineToc(text.outline) };
}

function record(page: number, title: string, headings: string, text: string): ExtractedSection {
  const squashed = squash(text);
  return { anchor: pageAnchor(page), title, headings, text: squashed.length > MAX_RECORD_TEXT ? squashed.slice(0, squashed.lastIndexOf(' ', MAX_RECORD_TEXT)) : squashed, linkShare: 0 };
}

/** Where a bookmark's title starts on its page, ignoring case and spacing; -1 when it is not there. */
function findTitle(pageText: string, title: string, from: number): number {
  const words = title.toLowerCase().split(' ').filter(Boolean);
  if (words.length === 0) return -1;
  const lower = pageText.toLowerCase();
  for (let at = lower.indexOf(words[0]!, from); at !== -1; at = lower.indexOf(words[0]!, at + 1)) {
    let end = at + words[0]!.length;
    const matches = words.slice(1).every((word) => {
      while (end < lower.length && /\s/.test(lower[end]!)) end++;
      if (!lower.startsWith(word, end)) return false;
      end += word.length;
      return true;
    });
    if (matches) return at;
  }
  return -1;
}

function outlineToc(outline: PdfOutlineItem[]): TocNode[] {
  const root: TocNode = { title: '', children: [] };
  const stack: TocNode[] = [root];
  for (const item of outline) {
    const node: TocNode = { title: item.title.slice(0, 500), anchor: pageAnchor(item.page) };
    stack.length = Math.min(stack.length, item.depth + 1);
    const parent = stack[stack.length - 1]!;
    (parent.children ??= []).push(node);
    stack.push(node);
  }
  return root.children!;
}

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTER = /\p{L}/gu;

/** The document's language as far as search cares: Japanese if it has kana, Chinese if Han characters dominate. */
export function detectLanguage(pages: string[]): string {
  const sample = pages.slice(0, 20).join(' ').slice(0, 200_000);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'en';
  const kana = sample.match(KANA)?.length ?? 0;
  const han = sample.match(HAN)?.length ?? 0;
  if ((kana + han) / letters < 0.3) return 'en';
  return kana > letters * 0.05 ? 'ja' : 'zh';
}
