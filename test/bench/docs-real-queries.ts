import { prng } from '../../server/docs/demo-helpers';
import { oneEdit, type BenchQuery, type QueryKind } from './docs-corpus';

/** One search record of an imported manual (a page's top or one of its sections), as every engine in the bench indexes it. */
export interface RealRecord {
  /** The hit's path as `npm run docs -- search` prints it: page path, with #anchor for a section. */
  id: string;
  title: string;
  headings: string;
  body: string;
}

const WORD = /^[\p{L}][\p{L}\p{N}]*$/u;
/** What generators put between a page's own title and the site's name: "Models — Django 3.2 documentation". */
const SEPARATOR = /\s+[-–—|]\s+/;
/** A title segment found in this many page titles is the site's boilerplate, not what a reader types. */
const BOILERPLATE_PAGES = 10;
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Known-answer queries from a real manual, deterministic for a seed: a query is kept only when its
 * answer is the one record it can mean (a title no other record has, a phrase found in no other
 * record), so a miss is the engine's and not the query's.
 * - title: a record's title as written;
 * - phrase: 3-5 consecutive words of a record's body (with at least one word of 5+ letters);
 * - typo: a unique title with one edit in one word of 5+ letters (never another word of the manual);
 * - prefix: a unique title whose last word (4+ letters) is cut to its first half.
 */
export function realQueries(records: RealRecord[], perKind: number, seed: number): BenchQuery[] {
  const random = prng(seed);
  const readerTitle = readerTitles(records);
  const titleCount = new Map<string, number>();
  for (const r of records) {
    const key = plain(readerTitle(r));
    titleCount.set(key, (titleCount.get(key) ?? 0) + 1);
  }
  const titled = records
    .filter((r) => {
      const key = plain(readerTitle(r));
      return key.length >= 3 && titleCount.get(key) === 1 && key.split(' ').length <= 12;
    })
    .map((r) => ({ ...r, title: readerTitle(r) }));
  const words = new Set<string>();
  for (const r of records) for (const w of plain(`${r.title} ${r.body}`).split(' ')) words.add(w);
  // Every record's words on one line each: a phrase is unique when it occurs once in the whole text.
  const allText = `\n${records.map((r) => ` ${plain(`${r.title} ${r.body}`)} `).join('\n')}\n`;

  const queries: BenchQuery[] = [];
  const add = (kind: QueryKind, make: (r: RealRecord) => string | null, pool: RealRecord[]) => {
    const used = new Set<string>();
    for (let tries = 0, made = 0; made < perKind && tries < perKind * 40 && pool.length > 0; tries++) {
      const record = pool[Math.floor(random() * pool.length)]!;
      if (used.has(record.id)) continue;
      const text = make(record);
      if (!text) continue;
      used.add(record.id);
      queries.push({ kind, text, answer: record.id });
      made++;
    }
  };

  add('title', (r) => r.title, titled);
  add(
    'phrase',
    (r) => {
      const tokens = r.body.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      if (tokens.length < 12) return null;
      const length = 3 + Math.floor(random() * 3);
      const start = Math.floor(random() * (tokens.length - length));
      const phrase = tokens.slice(start, start + length);
      if (!phrase.every((t) => WORD.test(t)) || !phrase.some((t) => t.length >= 5)) return null;
      const needle = ` ${plain(phrase.join(' '))} `;
      const first = allText.indexOf(needle);
      return first !== -1 && allText.indexOf(needle, first + 1) === -1 ? phrase.join(' ') : null;
    },
    records,
  );
  add(
    'typo',
    (r) => {
      const parts = r.title.split(/\s+/);
      const candidates = parts.map((w, j) => [w, j] as const).filter(([w]) => WORD.test(w) && w.length >= 5);
      if (candidates.length === 0) return null;
      const [word, j] = candidates[Math.floor(random() * candidates.length)]!;
      const edited = oneEdit(word, random);
      if (words.has(edited.toLowerCase())) return null;
      parts[j] = edited;
      return parts.join(' ');
    },
    titled,
  );
  add(
    'prefix',
    (r) => {
      const parts = r.title.split(/\s+/);
      const last = parts[parts.length - 1]!;
      if (!WORD.test(last) || last.length < 4) return null;
      parts[parts.length - 1] = last.slice(0, Math.ceil(last.length / 2));
      return parts.join(' ');
    },
    titled,
  );
  return queries;
}

/**
 * A record's title as a reader would type it: without the segments the generator puts in every
 * page's <title> ("mod_rewrite - Apache HTTP Server Version 2.4", "Models — Django 3.2
 * documentation") and without a heading's section number ("3.1.1. Affinity Name Examples") or
 * permalink mark ("Models¶"). Decided from the manual's own titles, never from its name.
 */
function readerTitles(records: RealRecord[]): (record: RealRecord) => string {
  const segmentPages = new Map<string, number>();
  for (const r of records) {
    if (r.id.includes('#')) continue;
    for (const segment of new Set(r.title.split(SEPARATOR))) segmentPages.set(segment, (segmentPages.get(segment) ?? 0) + 1);
  }
  return (record) => {
    const segments = record.title.split(SEPARATOR);
    const own = segments.filter((s) => (segmentPages.get(s) ?? 0) < BOILERPLATE_PAGES);
    const title = (own.length ? own : segments).join(' - ');
    return title.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').replace(/[\s¶§#]+$/u, '').trim();
  };
}
