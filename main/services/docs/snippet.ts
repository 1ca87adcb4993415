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
  /** Text after it was left out: the snippet ends with an ellipsis. */
  more?: boolean;
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
  const clues = termClues(terms);
  let best: { source: SnippetSource; tokens: Token[]; window: [number, number]; score: number } | null = null;
  for (const whole of sources) {
    const source = focus(whole, clues);
    const tokens = scan(source.text, match);
    if (tokens.length === 0) continue;
    const { window, score } = bestWindow(tokens.map((t) => t.term), size);
    if (!best || score > best.score) best = { source, tokens, window, score };
  }
  if (!best) return displayText((sources[0]?.text ?? '').slice(0, 200));

  const { source: { text, cut, more }, tokens, window: [from, to] } = best;
  let out = from > 0 || cut ? '…' : '';
  let at = tokens[from]!.start;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.term < 0) continue;
    out += `${text.slice(at, token.start)}${MARK_START}${text.slice(token.start, token.end)}${MARK_END}`;
    at = token.end;
  }
  out += to < tokens.length || more ? `${text.slice(at, tokens[to - 1]!.end)}…` : text.slice(at);
  // Characters indexed one by one (Chinese, Japanese) read as one highlighted word again.
  return displayText(out).replaceAll(`${MARK_END}${MARK_START}`, '');
}

/** Text looked at around the densest cluster of likely matches, when a source is longer than this. */
const FOCUS_CHARS = 600;
/** Characters kept before the cluster's first likely match (a few words of context). */
const FOCUS_BEFORE = 120;
/** About the length of a snippet's window: the query words found within it are what it can show. */
const CLUSTER_CHARS = 200;
/** Occurrences of each clue looked at. */
const CLUE_HITS = 40;

/**
 * What a query word looks like inside lower-cased text: the word itself, its stem less its last
 * letter (the test termMatcher makes), or the typed prefix. Found with indexOf, they place the
 * snippet's window without splitting the whole text into words.
 */
function termClues({ words, prefix }: SnippetTerms): string[][] {
  const clues = words.map((w) => {
    const stem = stemmer(w);
    return stem.length > 2 ? [...new Set([w, stem.slice(0, -1)])] : [w];
  });
  if (prefix) clues.push([prefix]);
  return clues;
}

/**
 * The part of a long source worth splitting into words: FOCUS_CHARS around the stretch where the
 * most distinct query words occur close together (found with indexOf on the lower-cased text, which
 * is native and needs no word splitting). The scan that follows decides the exact window inside it,
 * so the snippet's cost is bounded by FOCUS_CHARS, not by the length of the source.
 */
function focus(source: SnippetSource, clues: string[][]): SnippetSource {
  const { text } = source;
  if (text.length <= FOCUS_CHARS || clues.length === 0) return source;
  const lower = text.toLowerCase();
  // Folding that changes lengths (a few letters outside ASCII) would misplace the offsets: scan it all.
  if (lower.length !== text.length) return source;
  const hits: { at: number; term: number }[] = [];
  clues.forEach((alternatives, term) => {
    for (const clue of alternatives) {
      let found = 0;
      for (let at = lower.indexOf(clue); at !== -1 && found < CLUE_HITS; at = lower.indexOf(clue, at + clue.length), found++) hits.push({ at, term });
    }
  });
  if (hits.length === 0) return source;
  hits.sort((a, b) => a.at - b.at);
  // The hit that starts the stretch of CLUSTER_CHARS holding the most distinct terms, earliest first.
  const reach = CLUSTER_CHARS;
  let start = hits[0]!.at;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>();
    for (let j = i; j < hits.length && hits[j]!.at - hits[i]!.at <= reach; j++) seen.add(hits[j]!.term);
    if (seen.size > bestCount) [start, bestCount] = [hits[i]!.at, seen.size];
  }
  let from = Math.max(0, start - FOCUS_BEFORE);
  let to = Math.min(text.length, from + FOCUS_CHARS);
  // Cut at spaces so no word is split.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), from + 1);
  const partial = from > 0 || to < text.length;
  return partial ? { text: text.slice(from, to), cut: source.cut || from > 0, more: to < text.length } : source;
}

/** The text's words with the query word each matches (-1 for none). ASCII text is folded once, not word by word. */
function scan(text: string, match: (word: string) => number): Token[] {
  const tokens: Token[] = [];
  if (ASCII.test(text)) {
    for (const m of text.toLowerCase().matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, term: match(m[0]) });
  } else {
    // Only the words outside ASCII need Unicode folding.
    for (const m of text.matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, term: match(ASCII.test(m[0]) ? m[0].toLowerCase() : foldText(m[0])) });
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
