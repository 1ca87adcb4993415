import type Database from 'better-sqlite3';
import { ftsString, matchesScopeKeyword, parseQuery, splitScopeKeyword, type Clause, type ParsedQuery } from './query-parser';
import { bestSnippet, type SnippetTerms } from './snippet';
import { LONG_BODY_CHARS, type Span, SpanReader } from './span-index';
import { containsPhrase, foldText, indexText, normalizeTitle, STOPWORDS } from './text';
import { Vocabulary } from './vocabulary';

export interface SearchScope {
  libraries?: string[] | undefined;
  products?: string[] | undefined;
  versions?: string[] | undefined;
}

export interface LocalHit {
  library: string;
  product: string;
  version: string;
  topicId: string;
  anchor: string;
  title: string;
  /** For the breadcrumb (library > page > section): the library's title and the page's own title. */
  libraryTitle: string;
  pageTitle: string;
  /** The page's path (folder imports: relative to the folder), with #anchor for a section. */
  path: string;
  /** Text with matches between \u0002 and \u0003; the renderer turns them into <mark>. */
  snippet: string;
  score: number;
}

/** A query made ready for FTS5: match strings for the AND, the OR, every word, and the AND without guesses. */
interface Resolved {
  and: string;
  any: string;
  all: string;
  relaxed: string | null;
  groups: string[];
  plainWords: string[];
  /** What the word being typed stands for: its completions (or itself). */
  completions: string[];
  commonPhrase: boolean;
  broad: boolean;
}
/** At least this many candidates per list; a longer page asked for (more on demand) takes as many. */
const CANDIDATES = 60;
/** Records read back to check that the query's words stand side by side in them. */
const ADJACENT_CANDIDATES = 100;

// Reciprocal-rank fusion weights: an exact title match is the strongest signal there is (FTS5
// alone ranks short pages that merely contain a stemmed title word above the page itself).
const WEIGHT = { fts: 1, phrase: 1.6, titleExact: 4, titlePrefix: 1.5, titleWords: 1.5 };
const K = 10;
/** Corrections of a mistyped word searched together. */
const CORRECTIONS = 3;
/** Above this share of link text a record is mostly links (see linkDemotion). */
const LINK_PAGE_SHARE = 0.5;

/**
 * Full-text search over the local database: FTS5 with bm25 (title 10, headings 5, body 1) for
 * candidates, an in-memory vocabulary for typo correction and prefix expansion, and title and
 * phrase signals fused by rank. The ranking queries return rowids only; titles and snippets are
 * fetched for the few rows shown.
 * A query whose words are all in thousands of records is not scored over all their bodies: its
 * candidates come from the title index and from the records holding its words side by side (the
 * pair index); bm25 over the bodies runs only when those two find too little.
 */
export class SearchEngine {
  readonly vocabulary = new Vocabulary();
  /**
   * Characters of record text read into JavaScript (bodies, spans) since the engine was made: the
   * work that used to grow with the length of the pages hit. Bounded per hit by LONG_BODY_CHARS
   * and SPANS_READ spans (span-index.ts).
   */
  textCharsRead = 0;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly spans: SpanReader;

  constructor(private readonly db: Database.Database) {
    this.spans = new SpanReader(db);
    this.reload();
  }

  /** Call after an import or a removal: refreshes the vocabulary. */
  reload(): void {
    this.vocabulary.load(this.db);
  }

  search(input: string, scope: SearchScope = {}, limit = 20): LocalHit[] {
    const { query, installs } = this.installsInScope(input, scope);
    const parsed = parseQuery(query);
    if (parsed.groups.length === 0) return [];
    if (installs.ids.length === 0) return [];
    const filter = installs.all ? null : JSON.stringify(installs.ids);

    const resolved = this.resolve(parsed);
    const notPart = parsed.excluded.length ? ` NOT (${parsed.excluded.map(clauseMatch).join(' OR ')})` : '';
    const plain = resolved.plainWords;
    const prefix = Boolean(parsed.prefixClause);
    // Side by side as typed: only for a query without OR, whose words are then one sequence.
    const pairs = plain.length >= 2 && parsed.groups.every((g) => g.length === 1) ? this.adjacentCandidates(plain, prefix, filter) : null;
    const adjacent = pairs?.ids ?? [];

    const fts = this.ftsCandidates(resolved, adjacent, filter, notPart, limit);
    // `body`: a signal the text of a page of links also gives (see linkDemotion).
    const lists: { ids: number[]; weight: number; body?: boolean }[] = [{ ids: fts, weight: WEIGHT.fts, body: true }];

    if (plain.length > 0) {
      const title = normalizeTitle(plain.join(' '));
      lists.push({ ids: this.titleMatches(title, false, installs.ids), weight: WEIGHT.titleExact });
      if (prefix) lists.push({ ids: this.titleMatches(title, true, installs.ids), weight: WEIGHT.titlePrefix });
      lists.push({ ids: this.titleWordMatches(lists, plain, prefix), weight: WEIGHT.titleWords });
    }
    if (plain.length >= 2) {
      // Every record holding the phrase holds its pairs: when the pair index listed all such records,
      // they are the only ones worth reading.
      // they are the only ones worth reading (in bm25's order first).
      const inPairs = new Set(adjacent);
      const pool = [...new Set(pairs?.all ? [...fts.filter((id) => inPairs.has(id)), ...adjacent] : [...fts, ...adjacent])];
      lists.push({ ids: this.phraseMatches(pool, plain, prefix ? resolved.completions : null), weight: WEIGHT.phrase, body: true });
    }

    const demotion = this.linkDemotion(lists.flatMap((l) => (l.body ? l.ids : [])));
    const scores = new Map<number, number>();
    for (const list of lists) {
      list.ids.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + (list.weight * (list.body ? (demotion.get(id) ?? 1) : 1)) / (K + i)));
    }
    let ranked = [...scores].sort((a, b) => b[1] - a[1]);
    if (parsed.excluded.length) ranked = this.dropExcluded(ranked, notPart);
    return this.display(ranked.slice(0, limit), snippetTerms(plain, prefix), prefix ? resolved.completions : null);
  }

  /**
   * How many records in scope hold every word of the query (as corrected and completed): the true
   * total behind a page of hits, which the ranking never needs to count.
   */
  count(input: string, scope: SearchScope = {}): number {
    const { query, installs } = this.installsInScope(input, scope);
    const parsed = parseQuery(query);
    if (parsed.groups.length === 0) return 0;
    if (installs.ids.length === 0) return 0;
    const notPart = parsed.excluded.length ? ` NOT (${parsed.excluded.map(clauseMatch).join(' OR ')})` : '';
    const match = `${this.resolve(parsed).all}${notPart}`;
    const filter = installs.all ? null : JSON.stringify(installs.ids);
    const sql = filter
      ? 'SELECT count(*) FROM docs_fts f JOIN docs_records r ON r.id = f.rowid WHERE docs_fts MATCH ? AND r.install_id IN (SELECT value FROM json_each(?))'
      : 'SELECT count(*) FROM docs_fts WHERE docs_fts MATCH ?';
    try {
      return this.statement(sql).pluck().get(...(filter ? [match, filter] : [match])) as number;
    } catch {
      return 0;
    }
  }

  /**
   * The FTS5 candidates. A broad query (every word in thousands of records) is ranked from the title
   * index, with the pair index's side-by-side records beside it; bm25 over the bodies runs for any
   * other query, or when those two find too little.
   */
  private ftsCandidates(resolved: Resolved, adjacent: number[], filter: string | null, notPart: string, limit: number): number[] {
    let fts: number[] = [];
    if (resolved.broad) {
      fts = this.rank(resolved.all, filter, Math.max(CANDIDATES, limit), true, 'docs_titles');
      // The page is filled with further records holding every word, in stored order: among
      // thousands of records of common words, bm25's order of the tail is worth less than its cost.
      if (adjacent.length > 0 && fts.length + adjacent.length < limit) fts = [...new Set([...fts, ...this.rank(`${resolved.all}${notPart}`, filter, limit, false)])];
      if (adjacent.length > 0 || fts.length >= 10) return fts;
    }
    // bm25 of a phrase first counts its records in a pass of its own: for a phrase of common words
    // that doubles the cost of a query that matches only a handful of records, whose order the
    // title and phrase signals settle anyway.
    fts = this.rank(`${resolved.and}${notPart}`, filter, Math.max(CANDIDATES, limit), !resolved.commonPhrase);
    if (fts.length === 0 && resolved.relaxed) fts = this.rank(`${resolved.relaxed}${notPart}`, filter, CANDIDATES);
    if (fts.length === 0 && resolved.groups.length > 1) fts = this.rank(`(${resolved.any})${notPart}`, filter, CANDIDATES);
    return fts;
  }

  /** Corrects unknown words, expands the typed prefix, and builds the AND and OR match strings. */
  private resolve(parsed: ParsedQuery): Resolved {
    const plainWords: string[] = [];
    let completions: string[] = [];
    const df = (word: string) => (STOPWORDS.has(word) ? Infinity : this.vocabulary.df(word));
    const resolved = parsed.groups.map((group) => {
      let cost = 0;
      // A word the vocabulary corrected is a guess: the first thing to drop when nothing matches.
      let guessed = false;
      const fix = (word: string) => {
        const fixed = this.fix(word);
        if (fixed !== word) guessed = true;
        return fixed;
      };
      const match = group
        .map((clause) => {
          if (clause === parsed.prefixClause) {
            const words = clause.words.slice(0, -1).map(fix);
            const typed = clause.words[clause.words.length - 1]!;
            const last = this.expandPrefix(typed);
            completions = last.completions;
            if (last.word !== typed) guessed = true;
            plainWords.push(...words, last.word);
            cost += Math.min(last.df, ...words.map(df));
            return words.length ? `(${words.map(ftsString).join(' ')} ${last.match})` : last.match;
          }
          if (clause.phrase) {
            plainWords.push(...clause.words);
            cost += Math.min(...clause.words.map(df));
            return clauseMatch(clause);
          }
          // A mistyped word is searched as any of its likeliest corrections: the most frequent one
          // alone is often another word ("patjh" is one edit from "path" and from "patch").
          const typed = clause.words[0]!;
          const fixes = this.fixes(typed);
          if (fixes[0] !== typed) guessed = true;
          plainWords.push(fixes[0]!);
          cost += fixes.reduce((sum, w) => sum + df(w), 0);
          return fixes.length > 1 ? `(${fixes.map(ftsString).join(' OR ')})` : ftsString(fixes[0]!);
        })
        .join(' OR ');
      return { match, cost, guessed };
    });
    // Words in a large share of the records (stop words, a short prefix's many completions) are left
    // out of the AND when rarer words remain: they barely change the ranking but cost the most time,
    // and the title and phrase signals still use them.
    const common = Math.max(50, this.vocabulary.documents * 0.08);
    let kept = resolved.filter((g) => g.cost <= common);
    // So many records that scoring all their bodies costs milliseconds (bm25 is about 0.7 µs a record).
    const broad = Math.min(...resolved.map((g) => g.cost)) > Math.max(500, this.vocabulary.documents * 0.02);
    let commonPhrase = false;
    // Only common words: as a phrase they still narrow the set to a few records, where an AND of
    // them would rank most of the library.
    if (kept.length === 0 && plainWords.length >= 2 && resolved.length === plainWords.length) {
      // A trailing `*` makes FTS5 merge the doclists of every indexed word with that start, for the
      // ranking and again for each snippet: only when the last word is not a whole word yet.
      const star = parsed.prefixClause && !this.vocabulary.has(plainWords[plainWords.length - 1]!) ? ' *' : '';
      kept = [{ match: `${ftsString(plainWords.join(' '))}${star}`, cost: 0, guessed: false }];
      commonPhrase = true;
    }
    if (kept.length === 0) kept = [resolved.reduce((a, b) => (b.cost < a.cost ? b : a))];
    const groups = resolved.map((g) => g.match);
    // When the AND finds nothing, first the AND without the corrected words: cheap and still precise,
    // where an OR of every word makes bm25 rank thousands of records.
    const sure = kept.filter((g) => !g.guessed);
    const relaxed = sure.length && sure.length < kept.length ? sure.map((g) => `(${g.match})`).join(' AND ') : null;
    return {
      and: kept.map((g) => `(${g.match})`).join(' AND '),
      any: kept.map((g) => `(${g.match})`).join(' OR '),
      all: groups.map((g) => `(${g})`).join(' AND '),
      relaxed, groups, plainWords, completions, commonPhrase, broad,
    };
  }

  private fix(word: string): string {
    return this.fixes(word)[0]!;
  }

  /** The word itself when known (or a number, or a version such as 2.4.1), else its likeliest corrections. */
  private fixes(word: string): string[] {
    if (this.vocabulary.has(word) || /\p{N}/u.test(word)) return [word];
    const corrections = this.vocabulary.corrections(word, CORRECTIONS);
    return corrections.length ? corrections : [word];
  }

  private expandPrefix(prefix: string): { word: string; match: string; df: number; completions: string[] } {
    let stem = prefix;
    let completions = this.vocabulary.complete(stem);
    if (completions.length === 0) {
      const corrected = this.vocabulary.correctPrefix(prefix);
      if (corrected) {
        stem = corrected;
        completions = this.vocabulary.complete(stem);
      }
    }
    const alternatives = completions.map(ftsString);
    // FTS5's own prefix search walks every indexed term with that start: only when the vocabulary knows none.
    if (alternatives.length === 0) alternatives.push(stem.length >= 3 ? `${ftsString(stem)} *` : ftsString(stem));
    return {
      word: stem, match: `(${alternatives.join(' OR ')})`, df: completions.reduce((sum, w) => sum + this.vocabulary.df(w), 0) || Infinity,
      completions: completions.length ? completions : [stem],
    };
  }

  private rank(match: string, filter: string | null, limit: number, ordered = true, table: 'docs_fts' | 'docs_titles' | 'docs_pairs' = 'docs_fts'): number[] {
    const order = ordered ? ' ORDER BY rank' : '';
    const sql = filter
      ? `SELECT f.rowid FROM ${table} f JOIN docs_records r ON r.id = f.rowid WHERE ${table} MATCH ? AND r.install_id IN (SELECT value FROM json_each(?))${order} LIMIT ?`
      : `SELECT rowid FROM ${table} WHERE ${table} MATCH ?${order} LIMIT ?`;
    try {
      const rows = this.statement(sql).raw().all(...(filter ? [match, filter, limit] : [match, limit])) as [number][];
      return rows.map((r) => r[0]);
    } catch {
      return []; // a match string FTS5 refuses (it cannot happen with quoted words, but a search must never throw)
    }
  }

  private titleMatches(title: string, prefix: boolean, installs: number[]): number[] {
    if (!title) return [];
    // The title index alone picks the rows (an install filter in SQL makes SQLite scan the install instead).
    const rows = (
      prefix
        ? this.statement('SELECT id, install_id FROM docs_records WHERE norm_title >= ? AND norm_title < ? ORDER BY norm_title LIMIT 200').raw().all(title, `${title}\uffff`)
        : this.statement('SELECT id, install_id FROM docs_records WHERE norm_title = ? LIMIT 200').raw().all(title)
    ) as [number, number][];
    const allowed = new Set(installs);
    return rows.filter(([, install]) => allowed.has(install)).slice(0, 20).map(([id]) => id);
  }

  /**
   * Records holding the query's complete words side by side, from the pair index: "network in not
   * and" is four short lists of pairs, where FTS5 would walk the lists of "in", "not" and "and".
   * Unranked and unchecked (the pairs may be apart): phraseMatches checks them. `all` when the list is
   * complete (shorter than its limit).
   */
  private adjacentCandidates(words: string[], lastIsPrefix: boolean, filter: string | null): { ids: number[]; all: boolean } {
    const complete = lastIsPrefix ? words.slice(0, -1) : words;
    const pairs = complete.slice(1).map((word, i) => ftsString(`${complete[i]}_${word}`));
    if (pairs.length === 0) return { ids: [], all: false };
    const ids = this.rank(pairs.join(' '), filter, ADJACENT_CANDIDATES, false, 'docs_pairs');
    return { ids, all: ids.length < ADJACENT_CANDIDATES };
  }

  /**
   * Phrase signal, computed on the candidates only: those whose text holds the query's words in
   * order (an FTS5 phrase query over the whole index walks the doclists of "the" and "of"). A long
   * body is checked in its first spans holding all the words, never read whole.
   */
  private phraseMatches(candidates: number[], words: string[], completions: string[] | null): number[] {
    const ids = candidates.slice(0, CANDIDATES + ADJACENT_CANDIDATES);
    const records = this.records(ids);
    const holds = (text: string) => containsPhrase(foldText(text), words, completions !== null);
    const short = ids.filter((id) => (records.get(id)?.bodyChars ?? Infinity) <= LONG_BODY_CHARS);
    const long = ids.filter((id) => (records.get(id)?.bodyChars ?? 0) > LONG_BODY_CHARS);
    const bodies = this.bodies(short);
    // A long body is looked up by the phrase's rarest word: its first spans are where the phrase can be.
    const rarest = long.length ? alternatives(words, completions).reduce((a, b) => (this.df(b) < this.df(a) ? b : a)) : [];
    const spans = long.length ? this.spans.withWord(long, rarest) : new Map<number, Span[]>();
    return ids.filter((id) => {
      const record = records.get(id);
      if (!record) return false;
      const title = indexText(record.title);
      if (record.bodyChars <= LONG_BODY_CHARS) return holds(`${title} ${bodies.get(id) ?? ''}`);
      return holds(title) || (spans.get(id) ?? []).some((span) => holds(this.read(span.text)));
    });
  }

  /** Short bodies of records, read in one statement (counted in textCharsRead). */
  private bodies(ids: number[]): Map<number, string> {
    if (ids.length === 0) return new Map();
    const rows = this.statement('SELECT rowid, body FROM docs_fts WHERE rowid IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string][];
    return new Map(rows.map(([id, body]) => [id, this.read(body)]));
  }

  /**
   * What the body signals (bm25, phrase) of a record count for, by its share of link text: a
   * generated index, a site map, a table of contents or a chapter overview holds the words of every
   * section it lists, and must not outrank them. Full weight up to half links, then falling to
   * nothing for a page of links alone; the title signals keep their weight, so a search for the
   * index by its title still finds it. Decided from the markup at import (link_share), never from names.
   */
  private linkDemotion(ids: number[]): Map<number, number> {
    if (ids.length === 0) return new Map();
    const rows = this.statement('SELECT id, link_share FROM docs_records WHERE id IN (SELECT value FROM json_each(?)) AND link_share > ?').raw().all(JSON.stringify([...new Set(ids)]), LINK_PAGE_SHARE) as [number, number][];
    return new Map(rows.map(([id, share]) => [id, Math.max(0.02, (1 - share) / (1 - LINK_PAGE_SHARE))]));
  }

  /** In how many records a word (any of its alternatives) occurs. */
  private df(alternatives: string[]): number {
    return alternatives.reduce((sum, word) => sum + this.vocabulary.df(word), 0);
  }

  /** Title and body length of records, without reading their text. */
  private records(ids: number[]): Map<number, { title: string; bodyChars: number }> {
    const rows = this.statement('SELECT id, title, body_chars FROM docs_records WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string, number][];
    return new Map(rows.map(([id, title, bodyChars]) => [id, { title, bodyChars }]));
  }

  /** Record text read into JavaScript, counted (see textCharsRead). */
  private read(text: string | undefined): string {
    this.textCharsRead += text?.length ?? 0;
    return text ?? '';
  }

  /**
   * Near-exact title signal: candidates whose title holds every query word as written (unstemmed;
   * the word being typed as a prefix), shortest title first. Stemming alone ranks "Bond reference"
   * above "Network bonding" for "bonding".
   */
  private titleWordMatches(lists: { ids: number[] }[], words: string[], lastIsPrefix: boolean): number[] {
    const ids = [...new Set(lists.flatMap((l) => l.ids))];
    if (ids.length === 0) return [];
    const rows = this.statement('SELECT id, norm_title FROM docs_records WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string][];
    const wanted = words.map((w) => normalizeTitle(w)).filter(Boolean);
    return rows
      .filter(([, title]) => {
        const have = title.split(' ');
        return wanted.every((w, i) => (lastIsPrefix && i === wanted.length - 1 ? have.some((h) => h.startsWith(w)) : have.includes(w)));
      })
      .sort((a, b) => a[1].length - b[1].length)
      .map(([id]) => id);
  }

  private dropExcluded(ranked: [number, number][], notPart: string): [number, number][] {
    if (ranked.length === 0) return ranked;
    const excludedMatch = notPart.replace(/^ NOT /, '');
    const hit = new Set(
      (this.statement('SELECT rowid FROM docs_fts WHERE docs_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))').raw().all(excludedMatch, JSON.stringify(ranked.map((r) => r[0]))) as [number][]).map((r) => r[0]),
    );
    return ranked.filter(([id]) => !hit.has(id));
  }

  private display(ranked: [number, number][], terms: SnippetTerms, completions: string[] | null): LocalHit[] {
    if (ranked.length === 0) return [];
    const rows = this.statement(
      `SELECT r.id, r.topic_id, r.anchor, r.title, t.path, i.library_id, i.product, i.version, r.body_chars, i.title, t.title
       FROM docs_records r JOIN docs_topics t ON t.install_id = r.install_id AND t.topic_id = r.topic_id
       JOIN docs_installs i ON i.id = r.install_id
       WHERE r.id IN (SELECT value FROM json_each(?))`,
    ).raw().all(JSON.stringify(ranked.map((r) => r[0]))) as [number, string, string, string, string, string, string, string, number, string, string][];
    const byId = new Map(rows.map((r) => [r[0], r]));
    const sources = this.snippetSources(rows.map((r) => [r[0], r[8]]), terms, completions);
    return ranked.flatMap(([id, score]) => {
      const r = byId.get(id);
      if (!r) return [];
      const [, topicId, anchor, title, path, library, product, version, , libraryTitle, pageTitle] = r;
      return [{
        library, product, version, topicId, anchor, title, libraryTitle, pageTitle, path: anchor ? `${path}#${anchor}` : path,
        snippet: bestSnippet(sources.get(id) ?? [], terms), score: Math.round(score * 10000) / 10000,
      }];
    });
  }

  /**
   * What each hit's snippet is cut from, read for all hits at once: a short body whole; of a long
   * one, the span holding the most distinct query words.
   */
  private snippetSources(hits: [number, number][], terms: SnippetTerms, completions: string[] | null): Map<number, Span[]> {
    const sources = new Map<number, Span[]>();
    for (const [id, text] of this.bodies(hits.filter(([, chars]) => chars <= LONG_BODY_CHARS).map(([id]) => id))) sources.set(id, [{ text, cut: false }]);
    const long = hits.filter(([, chars]) => chars > LONG_BODY_CHARS).map(([id]) => id);
    if (long.length) {
      const words = [...terms.words.map((w) => [w]), ...(completions ? [completions] : [])];
      for (const [id, spans] of this.spans.withMost(long, words)) sources.set(id, spans.map((span) => ({ ...span, text: this.read(span.text) })));
    }
    return sources;
  }

  /** The library keyword that starts the input, when it names an installed library (then it scopes the search). */
  scopeKeyword(input: string): { keyword: string[]; query: string } | null {
    const { keyword, query } = splitScopeKeyword(input);
    if (!keyword) return null;
    const rows = this.statement("SELECT library_id, product FROM docs_installs WHERE state = 'ready'").all() as { library_id: string; product: string }[];
    return rows.some((r) => matchesScopeKeyword(keyword, { libraryId: r.library_id, product: r.product })) ? { keyword, query } : null;
  }

  /**
   * The installs to search and the query left to run there: a leading library keyword (`router:
   * vlan`) narrows the scope when it names an installed library; otherwise it is part of the query.
   */
  private installsInScope(input: string, scope: SearchScope): { query: string; installs: { ids: number[]; all: boolean } } {
    const rows = this.statement('SELECT id, library_id, product, version, state FROM docs_installs').all() as {
      id: number; library_id: string; product: string; version: string; state: string;
    }[];
    let ready = rows.filter((r) => r.state === 'ready');
    let query = input;
    const { keyword, query: rest } = splitScopeKeyword(input);
    const named = keyword ? ready.filter((r) => matchesScopeKeyword(keyword, { libraryId: r.library_id, product: r.product })) : [];
    if (named.length > 0) {
      ready = named;
      query = rest;
    }
    const inScope = ready.filter(
      (r) =>
        (!scope.libraries?.length || scope.libraries.includes(r.library_id)) &&
        (!scope.products?.length || scope.products.includes(r.product)) &&
        (!scope.versions?.length || scope.versions.includes(r.version)),
    );
    return { query, installs: { ids: inScope.map((r) => r.id), all: inScope.length === rows.length } };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Highlight the meaningful words (all of them when there are only stop words) and the word being typed. */
function snippetTerms(plain: string[], lastIsPrefix: boolean): SnippetTerms {
  const complete = lastIsPrefix ? plain.slice(0, -1) : plain;
  const meaningful = complete.filter((w) => !STOPWORDS.has(w));
  return { words: [...new Set(meaningful.length || lastIsPrefix ? meaningful : complete)], prefix: lastIsPrefix ? plain[plain.length - 1]! : null };
}

/** The query's words as lists of alternatives: the word being typed stands for its completions. */
function alternatives(words: string[], completions: string[] | null): string[][] {
  return words.map((w, i) => (completions && i === words.length - 1 ? completions : [w]));
}

function clauseMatch(clause: Clause): string {
  return ftsString(clause.words.join(' '));
}

