import type Database from 'better-sqlite3';
import { SEARCH_INDEX_TABLES, SearchIndexWriter } from './search-index';
import { segmentCjk } from '../../../shared/cjk-text';
import { normalizeTitle, tokenize } from './text';

const PAGE = 2000;

/**
 * Docs migration 2 for libraries imported before it: builds the pair and title indexes from the
 * text docs_fts already holds, and re-indexes records with Chinese or Japanese text character by
 * character (with their titles and vocabulary), so nothing needs to be imported again.
 * Runs inside the migration's transaction: all of it or none.
 */
export function upgradeSearchIndexes(db: Database.Database): void {
  db.exec(SEARCH_INDEX_TABLES);
  const writer = new SearchIndexWriter(db);
  const page = db.prepare('SELECT f.rowid, f.title, f.headings, f.body, r.install_id FROM docs_fts f JOIN docs_records r ON r.id = f.rowid WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?').raw();
  const removeFts = db.prepare('DELETE FROM docs_fts WHERE rowid = ?');
  const setTitle = db.prepare('UPDATE docs_records SET norm_title = ? WHERE id = ?');
  const resegmented = new Set<number>();
  let after = 0;
  for (;;) {
    const rows = page.all(after, PAGE) as [number, string, string, string, number][];
    if (rows.length === 0) break;
    for (const [id, title, headings, body, install] of rows) {
      if (segmentCjk(`${title} ${headings} ${body}`) === `${title} ${headings} ${body}`) {
        writer.addDerived(id, title, headings, body);
        continue;
      }
      removeFts.run(id);
      writer.add(id, title, headings, body);
      setTitle.run(normalizeTitle(title), id);
      resegmented.add(install);
    }
    after = rows[rows.length - 1]![0];
  }
  for (const install of resegmented) rebuildVocabulary(db, install);
}

/** Document frequencies per topic, as LibraryWriter counts them. */
function rebuildVocabulary(db: Database.Database, install: number): void {
  const rows = db
    .prepare('SELECT r.topic_id, f.title, f.headings, f.body FROM docs_records r JOIN docs_fts f ON f.rowid = r.id WHERE r.install_id = ? ORDER BY r.topic_id')
    .raw()
    .all(install) as [string, string, string, string][];
  const topics = new Map<string, Set<string>>();
  for (const [topic, title, headings, body] of rows) {
    const seen = topics.get(topic) ?? new Set<string>();
    for (const term of tokenize(`${title} ${headings} ${body}`)) seen.add(term);
    topics.set(topic, seen);
  }
  const df = new Map<string, number>();
  for (const terms of topics.values()) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  db.prepare('DELETE FROM docs_terms WHERE install_id = ?').run(install);
  const insert = db.prepare('INSERT INTO docs_terms (install_id, term, df) VALUES (?, ?, ?)');
  for (const [term, count] of df) insert.run(install, term, count);
}
