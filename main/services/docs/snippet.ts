import { stemmer } from 'stemmer';
import { unsegmentCjk } from '../../../shared/cjk-text';
import { foldText } from './text';

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const WORD = /[\p{L}\p{N}]+/gu;

/** What a snippet highlights: the query's words (stemmed as FTS5's porter tokenizer does), and the word being typed. */
export interface SnippetTerms {
  words: string[];
  prefix: string | null;
}

/**
 * The `size`-word stretch of a record's text holding the most distinct query words, with each
 * match between MARK_START and MARK_END. Built here from the text rather than with FTS5's
 * snippet(), which looks every query term up in the index again for each row shown: with a typed
 * prefix's dozen completions that was most of a search's time.
 */
export function makeSnippet(text: string, terms: SnippetTerms, size = 24): string {
  const match = termMatcher(terms);
  const tokens: { start: number; end: number; term: number }[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ start: m.index, end: m.index + m[0].length, term: match(foldText(m[0])) });
  if (tokens.length === 0) return unsegmentCjk(text.slice(0, 200));

  const [from, to] = bestWindow(tokens.map((t) => t.term), size);
  let out = from > 0 ? '…' : '';
  let at = tokens[from]!.start;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.term < 0) continue;
    out += `${text.slice(at, token.start)}${MARK_START}${text.slice(token.start, token.end)}${MARK_END}`;
    at = token.end;
  }
  out += to < tokens.length ? `${text.slice(at, tokens[to - 1]!.end)}…` : text.slice(at);
  // Characters indexed one by one (Chinese, Japanese) read as one highlighted word again.
  return unsegmentCjk(out).replaceAll(`${MARK_END}${MARK_START}`, '');
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

/** [from, to) of the window with the most distinct matches (then the most matches), earliest first. */
function bestWindow(terms: number[], size: number): [number, number] {
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
  return best;
}
