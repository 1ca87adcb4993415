import { Parser } from 'htmlparser2';

/** One searchable part of a page: the page's top, or an h2/h3 section that has an id to link to. */
export interface ExtractedSection {
  anchor: string;
  title: string;
  /** The page title and parent headings, "Page › Chapter". */
  headings: string;
  text: string;
  /**
   * Share of the section's text that is link text (0-1): a generated index, a table of contents or
   * a chapter overview is mostly links, and must not outrank the sections it lists.
   */
  linkShare: number;
}

export interface ExtractedPage {
  title: string;
  /** The page's body markup, kept as written; the reader sanitizes it when it shows it. */
  bodyHtml: string;
  sections: ExtractedSection[];
  /** href and src values as written (relative ones are resolved against the page's path by the importer). */
  links: string[];
  images: string[];
}

/**
 * The text of one search record is indexed up to this length (the page itself is kept whole for the
 * reader). Past it are generated listings (rendered source files, tables of every intrinsic) where
 * no one searches for a phrase, and whose millions of tokens would each cost the import tens of MB.
 */
export const MAX_RECORD_TEXT = 1_000_000;
const SKIP_TEXT = new Set(['title', 'script', 'style', 'noscript', 'template', 'svg', 'nav']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Sets rather than regular expressions: they are tested on every tag of every page.
const BLOCK = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'pre', 'br', 'table', 'ul', 'ol', 'dd', 'dt', 'section', 'article', 'blockquote', ...HEADINGS]);

/**
 * Reads a page with htmlparser2's streaming tokenizer (no DOM: HTML parsing dominates import time).
 * Malformed markup is tolerated the way browsers do; nothing here throws on bad HTML.
 */
export function extractPage(html: string, fallbackTitle: string): ExtractedPage {
  let docTitle = '';
  let h1 = '';
  let bodyStart = -1;
  let bodyEnd = -1;
  const links: string[] = [];
  const images: string[] = [];
  const sections: ExtractedSection[] = [{ anchor: '', title: '', headings: '', text: '', linkShare: 0 }];
  // Characters of text and of link text per section (pending: not yet given to a section, like `text`).
  const chars: { text: number; links: number }[] = [{ text: 0, links: 0 }];
  let pending = { text: 0, links: 0 };
  let linkDepth = 0;
  let skipDepth = 0;
  let inTitle = false;
  let heading: { level: number; id: string; text: string } | null = null;
  let h2Title = '';
  let text: string[] = [];

  const finishHeading = () => {
    if (!heading) return;
    const title = squash(heading.text);
    if (heading.level === 1 && !h1) h1 = title;
    if ((heading.level === 2 || heading.level === 3) && heading.id && title) {
      // The heading's own text opens the new section rather than ending the old one.
      const headingText = text.join('');
      text = [];
      if (heading.level === 2) h2Title = title;
      sections.push({ anchor: heading.id, title, headings: heading.level === 3 ? h2Title : '', text: headingText, linkShare: 0 });
      chars.push(pending);
      pending = { text: 0, links: 0 };
    } else if (heading.level === 2) h2Title = title;
    heading = null;
  };

  const flushText = () => {
    const current = sections[sections.length - 1]!;
    current.text += text.join('');
    text = [];
    const counted = chars[chars.length - 1]!;
    counted.text += pending.text;
    counted.links += pending.links;
    pending = { text: 0, links: 0 };
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'body' && bodyStart < 0) bodyStart = parser.endIndex + 1; // a stray second <body> is content
        if (SKIP_TEXT.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'a' && attrs.href) {
          links.push(attrs.href);
          linkDepth++;
        }
        if (name === 'img' && attrs.src) images.push(attrs.src);
        // A block inside an unclosed heading ends the heading's title, as a reader would see it.
        const isHeading = HEADINGS.has(name);
        if (heading && BLOCK.has(name) && !isHeading) finishHeading();
        if (isHeading) {
          if (name === 'h2' || name === 'h3') flushText();
          heading = { level: Number(name[1]), id: attrs.id ?? '', text: '' };
        }
        else if (heading && !heading.id && (attrs.id || (name === 'a' && attrs.name))) heading.id = attrs.id ?? attrs.name ?? '';
        if (BLOCK.has(name)) text.push(' ');
      },
      ontext(data) {
        if (inTitle) docTitle += data;
        if (skipDepth > 0) return;
        if (heading) heading.text += data;
        text.push(data);
        // Whitespace between tags (indentation around list items) is not text a reader sees.
        const visible = data.trim().length;
        pending.text += visible;
        if (linkDepth > 0) pending.links += visible;
      },
      onclosetag(name) {
        if (name === 'body') bodyEnd = parser.startIndex;
        if (name === 'a' && linkDepth > 0) linkDepth--;
        if (SKIP_TEXT.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'title') inTitle = false;
        if (BLOCK.has(name)) text.push(' ');
        if (heading && name === `h${heading.level}`) finishHeading();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flushText();

  const title = squash(docTitle) || h1 || fallbackTitle;
  sections.forEach((section, i) => {
    const counted = chars[i]!;
    section.linkShare = counted.text ? Math.round((counted.links / counted.text) * 100) / 100 : 0;
    section.text = clip(squash(section.text));
    section.title ||= title;
    section.headings = section.anchor ? [title, section.headings].filter(Boolean).join(' › ') : '';
  });
  const kept = sections.filter((s, i) => i === 0 || s.text || s.title);
  const bodyHtml = bodyStart >= 0 ? html.slice(bodyStart, bodyEnd > bodyStart ? bodyEnd : undefined) : html;
  return { title, bodyHtml, sections: kept, links, images };
}

/** Cuts text over MAX_RECORD_TEXT at the last space before it, so no word is indexed half. */
function clip(text: string): string {
  if (text.length <= MAX_RECORD_TEXT) return text;
  const space = text.lastIndexOf(' ', MAX_RECORD_TEXT);
  return text.slice(0, space > 0 ? space : MAX_RECORD_TEXT);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
