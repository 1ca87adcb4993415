import { stemmer } from 'stemmer';
import { displayText, foldText } from './text';

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const WORD = /[\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex -- the ASCII range
const ASCII = /^[\x00-\x7f]*$/;

/** What a snippet highlights: the query's words (stemmed as FTS5's porter tokenizer does), and the word being typed. */
export interface SnippetTerms {
  words: string[];
  prefix: string | null;
}

/** A stretch of a record's indexed text; `cut` when text before it was left out (a later span of a long body). */
export interface SnippetSource {
  text: string;
  cut: boolean;
}

interface Token {
  start: number;
  end: number;
  term: number;
}

/**
 * The `size`-word stretch of a record's text holding the most distinct query words, with each
 * match between MARK_START and MARK_END. Built here from the text rather than with FTS5's
 * snippet(), which looks every query term up in the index again for each row shown: with a typed
 * prefix's dozen completions that was most of a search's time. The engine only ever passes a
 * bounded text (a short body, or a few spans of a long one: see search-index.ts), so its cost does
 * not grow with the page.
 */
export function makeSnippet(text: string, terms: SnippetTerms, size = 24): string {
  return bestSnippet([{ text, cut: false }], terms, size);
}

/** The best snippet among several stretches of one record (the spans of a long body that hold query words). */
export function bestSnippet(sources: SnippetSource[], terms: SnippetTerms, size = 24): string {
  const match = termMatcher(terms);
  let best: { source: SnippetSource; tokens: Token[]; window: [number, number]; score: number } | null = null;
  for (const source of sources) {
    const tokens = scan(source.text, match);
    if (tokens.length === 0) continue;
    const { window, score } = bestWindow(tokens.map((t) => t.term), size);
    if (!best || score > best.score) best = { source, tokens, window, score };
  }
  if (!best) return displayText((sources[0]?.text ?? '').slice(0, 200));

  const { source: { text, cut }, tokens, window: [from, to] } = best;
  let out = from > 0 || cut ? '…' : '';
  let at = tokens[from]!.start;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.term < 0) continue;
    out += `${text.slice(at, token.start)}${MARK_START}${text.slice(token.start, token.end)}${MARK_END}`;
    at = token.end;
  }
  out += to < tokens.length ? `${text.slice(at, tokens[to - 1]!.end)}…` : text.slice(at);
  // Characters indexed one by one (Chinese, Japanese) read as one highlighted word again.
  return displayText(out).replaceAll(`${MARK_END}${MARK_START}`, '');
}

/** The text's words with the query word each matches (-1 for none). ASCII text is folded once, not word by word. */
function scan(text: string, match: (word: string) => number): Token[] {
  const tokens: Token[] = [];
  if (ASCII.test(text)) {
    for (const m of text.toLowerCase().matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, term: match(m[0]) });
  } else {
    for (const m of text.matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, term: match(foldText(m[0])) });
  }
  return tokens;
}

/** Index of the query word a text word matches, or -1. */
function termMatcher({ words, prefix }: SnippetTerms): (word: string) => number {
  const exact = new Map(words.map((w, i) => [w, i]));
  const stems = words.map((w) => stemmer(w));
  return (word) => {
    const hit = exact.get(word);
    if (hit !== undefined) return hit;
    if (prefix && word.startsWith(prefix)) return words.length;
    // A porter stem nearly always begins the word ("polici" from "policy" is one letter off):
    // stem only the words that could match, not every word of the text.
    for (let i = 0; i < stems.length; i++) {
      const stem = stems[i]!;
      if (stem.length > 2 && word.startsWith(stem.slice(0, -1)) && stemmer(word) === stem) return i;
    }
    return -1;
  };
}

/** [from, to) of the window with the most distinct matches (then the most matches), earliest first, with its score. */
function bestWindow(terms: number[], size: number): { window: [number, number]; score: number } {
  let best: [number, number] = [0, Math.min(size, terms.length)];
  let bestScore = -1;
  terms.forEach((term, i) => {
    if (term < 0) return;
    // A few words of context before the first match.
    const from = Math.max(0, Math.min(i - 3, terms.length - size));
    const to = Math.min(terms.length, from + size);
    const window = terms.slice(from, to).filter((t) => t >= 0);
    const score = new Set(window).size * 1000 + window.length;
    if (score > bestScore) [best, bestScore] = [[from, to], score];
  });
  return { window: best, score: bestScore };
}
