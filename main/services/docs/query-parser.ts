import { tokenize } from './text';

/** One thing to look for: a word, or a phrase whose words must be adjacent. */
export interface Clause {
  words: string[];
  phrase: boolean;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its clauses does (`a OR b`). */
  groups: Clause[][];
  /** Clauses written with a leading `-`: results must not contain them. */
  excluded: Clause[];
  /** As-you-type: the last clause typed, when no space follows it; its last word is matched as a prefix. */
  prefixClause: Clause | null;
}

/**
 * Reads what a person types: words, "quoted phrases", -exclusions and OR. Any other syntax
 * (stray quotes, `*`, `NEAR(`, `:`, brackets) is treated as plain text, so no input can throw or
 * reach the FTS5 query language unescaped: the engine quotes every word itself.
 */
export function parseQuery(input: string): ParsedQuery {
  const items: { clause: Clause; negated: boolean; raw: string; quoted: boolean }[] = [];
  const orAfter: boolean[] = [];
  let i = 0;
  const text = input.slice(0, 500);
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const raw = text.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? text.length : end + 1;
      const words = tokenize(raw);
      if (words.length) items.push({ clause: { words, phrase: words.length > 1 }, negated, raw, quoted: true });
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const raw = text.slice(i, end);
    i = end;
    if (raw === 'OR' && !negated && items.length > 0) {
      orAfter[items.length - 1] = true;
      continue;
    }
    const words = tokenize(raw);
    // "wi-fi" or "v2.1" becomes a phrase of its parts, as the index stored it.
    if (words.length) items.push({ clause: { words, phrase: words.length > 1 }, negated, raw, quoted: false });
  }

  const groups: Clause[][] = [];
  const excluded: Clause[] = [];
  let joinNext = false;
  items.forEach((item, index) => {
    if (item.negated) excluded.push(item.clause);
    else if (joinNext && groups.length) groups[groups.length - 1]!.push(item.clause);
    else groups.push([item.clause]);
    joinNext = !item.negated && Boolean(orAfter[index]);
  });
  const last = items[items.length - 1];
  const lastIsPrefix = Boolean(last && !last.negated && !last.quoted && !/\s$/.test(text) && /[\p{L}\p{N}]$/u.test(last.raw));
  return { groups, excluded, prefixClause: lastIsPrefix ? last!.clause : null };
}

/** The FTS5 string for one word, quoted so that no character of it is query syntax. */
export const ftsString = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** A library keyword typed before the query, as in Zeal and Dash: `router: vlan`, `northwind router: vlan`. */
export interface ScopedQuery {
  /** The keyword's words, lower-case; null when the input has none. */
  keyword: string[] | null;
  /** The query after the keyword (the whole input when there is none). */
  query: string;
}

// Up to three words, no quote or minus at the start, then a colon and a space or the end: `ipv6:addr` stays text.
const KEYWORD = /^\s*([\p{L}\p{N}][\p{L}\p{N}._-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}._-]*){0,2}):(?:\s+|$)/u;

export function splitScopeKeyword(input: string): ScopedQuery {
  const match = KEYWORD.exec(input.slice(0, 500));
  if (!match) return { keyword: null, query: input };
  const keyword = match[1]!.toLowerCase().split(/[\s._-]+/).filter(Boolean);
  return { keyword, query: input.slice(match[0].length) };
}

/**
 * A library matches a keyword when every keyword word begins a word of its product name or of its
 * id (`router` and `north` match "Northwind Router OS" and northwind-router-7-1-en), ignoring case.
 */
export function matchesScopeKeyword(keyword: readonly string[], library: { libraryId: string; product: string }): boolean {
  const words = `${library.product} ${library.libraryId}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return keyword.every((k) => words.some((w) => w.startsWith(k)));
}
