import type Database from 'better-sqlite3';
import { deleteSpans, SPAN_TABLES, SpanWriter } from './span-index';
import { adjacentPairs, indexedWords, indexText, tokenize } from './text';

/**
 * The full-text indexes of a search record, written together (their rowid is the record's id):
 * - docs_fts: title, headings and body, stemmed, with positions: bm25 ranking, phrases;
 * - docs_pairs: the record's adjacent word pairs, unstemmed, rowids only: a phrase of common words
 *   is found from its pairs' short lists (20-60x faster than FTS5 walking "the" and "of");
 * - docs_titles: titles and headings alone: ranks a query whose words are in thousands of bodies
 *   without scoring every one of those bodies;
 * - docs_spans and docs_span_terms (migration 4): a long record's body in spans, with the first
 *   spans of each word, so that snippets and phrase checks never read the whole text (span-index.ts).
 * Chinese and Japanese characters are indexed one by one, version numbers as one word (indexText).
 */
export const SEARCH_INDEX_TABLES = `
CREATE VIRTUAL TABLE docs_pairs USING fts5(pairs, content = '', contentless_delete = 1, detail = none, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
CREATE VIRTUAL TABLE docs_titles USING fts5(title, headings, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO docs_titles (docs_titles, rank) VALUES ('rank', 'bm25(10.0, 5.0)');
`;

/** Migration 4: the span index (span-index.ts), and what the ranking needs to know of a record without reading its text. */
export const DOCUMENTATION_TABLES = `
${SPAN_TABLES}
ALTER TABLE docs_records ADD COLUMN body_chars INTEGER NOT NULL DEFAULT 0;
ALTER TABLE docs_records ADD COLUMN link_share REAL NOT NULL DEFAULT 0;
`;

export class SearchIndexWriter {
  private readonly insertFts: Database.Statement;
  private readonly insertPairs: Database.Statement;
  private readonly insertTitles: Database.Statement;
  private readonly spans: SpanWriter | null;

  constructor(db: Database.Database, withSpans = true) {
    this.insertFts = db.prepare('INSERT INTO docs_fts (rowid, title, headings, body) VALUES (?, ?, ?, ?)');
    this.insertPairs = db.prepare('INSERT INTO docs_pairs (rowid, pairs) VALUES (?, ?)');
    this.insertTitles = db.prepare('INSERT INTO docs_titles (rowid, title, headings) VALUES (?, ?, ?)');
    // Migration 2 writes with this class before migration 4 has made the span table.
    this.spans = withSpans ? new SpanWriter(db) : null;
  }

  /**
   * Indexes one record, its body already in indexed form (indexText: docs_records.body_chars is its
   * length). Returns the words of its title, headings and body (the importer's vocabulary counts them).
   */
  add(id: number | bigint, title: string, headings: string, indexedBody: string): string[][] {
    const fields = [indexText(title), indexText(headings), indexedBody];
    this.insertFts.run(id, fields[0], fields[1], indexedBody);
    const words = fields.map(indexedWords);
    this.insertPairs.run(id, adjacentPairs(words));
    this.insertTitles.run(id, fields[0], fields[1]);
    this.spans?.add(Number(id), indexedBody);
    return words;
  }

  /** The pair and title indexes alone, for a record already in docs_fts (the upgrade of migration 2). */
  addDerived(id: number | bigint, title: string, headings: string, body: string): void {
    this.insertPairs.run(id, adjacentPairs([title, headings, body].map(tokenize)));
    this.insertTitles.run(id, indexText(title), indexText(headings));
  }
}

/**
 * Merges each full-text index into one segment after an import. Every batch the importer commits
 * leaves segments of its own, and a word or pair looked up is looked up in each: on sqlite3-doc the
 * pair and word lookups of a query took a third less CPU after it, for about 150 ms of CPU once.
 */
export function optimizeSearchIndexes(db: Database.Database): void {
  for (const table of ['docs_fts', 'docs_pairs', 'docs_titles']) db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
}

/** Deletes one install's rows from every index (call inside a transaction, before its records go). */
export function deleteSearchRows(db: Database.Database, installId: number): void {
  for (const table of ['docs_fts', 'docs_pairs', 'docs_titles']) {
    db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT id FROM docs_records WHERE install_id = ?)`).run(installId);
  }
  deleteSpans(db, installId);
}
