import type Database from 'better-sqlite3';
import { segmentCjk } from '../../../shared/cjk-text';
import { adjacentPairs } from './text';

/**
 * The three full-text indexes of a search record, written together (their rowid is the record's id):
 * - docs_fts: title, headings and body, stemmed, with positions: bm25 ranking, phrases;
 * - docs_pairs: the record's adjacent word pairs, unstemmed, rowids only: a phrase of common words
 *   is found from its pairs' short lists (20-60x faster than FTS5 walking "the" and "of");
 * - docs_titles: titles and headings alone: ranks a query whose words are in thousands of bodies
 *   without scoring every one of those bodies.
 * Chinese and Japanese characters are indexed one by one (see segmentCjk).
 */
export const SEARCH_INDEX_TABLES = `
CREATE VIRTUAL TABLE docs_pairs USING fts5(pairs, content = '', contentless_delete = 1, detail = none, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
CREATE VIRTUAL TABLE docs_titles USING fts5(title, headings, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO docs_titles (docs_titles, rank) VALUES ('rank', 'bm25(10.0, 5.0)');
`;

export class SearchIndexWriter {
  private readonly insertFts: Database.Statement;
  private readonly insertPairs: Database.Statement;
  private readonly insertTitles: Database.Statement;

  constructor(db: Database.Database) {
    this.insertFts = db.prepare('INSERT INTO docs_fts (rowid, title, headings, body) VALUES (?, ?, ?, ?)');
    this.insertPairs = db.prepare('INSERT INTO docs_pairs (rowid, pairs) VALUES (?, ?)');
    this.insertTitles = db.prepare('INSERT INTO docs_titles (rowid, title, headings) VALUES (?, ?, ?)');
  }

  add(id: number | bigint, title: string, headings: string, body: string): void {
    this.insertFts.run(id, segmentCjk(title), segmentCjk(headings), segmentCjk(body));
    this.addDerived(id, title, headings, body);
  }

  /** The pair and title indexes alone, for a record already in docs_fts (the upgrade of migration 2). */
  addDerived(id: number | bigint, title: string, headings: string, body: string): void {
    this.insertPairs.run(id, adjacentPairs([title, headings, body]));
    this.insertTitles.run(id, segmentCjk(title), segmentCjk(headings));
  }
}

/** Deletes one install's rows from every index (call inside a transaction, before its records go). */
export function deleteSearchRows(db: Database.Database, installId: number): void {
  for (const table of ['docs_fts', 'docs_pairs', 'docs_titles']) {
    db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT id FROM docs_records WHERE install_id = ?)`).run(installId);
  }
}
