import type Database from 'better-sqlite3';
import { segmentCjk, unsegmentCjk } from '../../../shared/cjk-text';
import { extractPage } from './html-extract';
import { SearchIndexWriter } from './search-index';
import { SpanWriter } from './span-index';
import { hasVersionDots, indexText, normalizeTitle, tokenize } from './text';

const PAGE = 2000;

/** Records upgraded so far, of how many (the records that existed when the upgrade was deferred). */
export type UpgradeProgress = (done: number, total: number) => void;

/**
 * Where an upgrade stands: the last record upgraded and the installs whose vocabulary must be
 * rebuilt at the end. `checkpoint` commits what was done so far with this state (index-upgrades.ts
 * stores it), so other writers wait one page at most and a stopped upgrade resumes where it was.
 */
export interface UpgradeRun {
  upTo: number;
  after: number;
  installs: Set<number>;
  progress: UpgradeProgress;
  checkpoint: () => void;
}

/**
 * Docs migration 2 for libraries imported before it: builds the pair and title indexes from the
 * text docs_fts already holds, and re-indexes records with Chinese or Japanese text character by
 * character (with their titles and vocabulary), so nothing needs to be imported again.
 * Runs in the import worker (index-upgrades.ts), a page of records per transaction. Only records
 * up to `upTo` (those that existed before the migration) are upgraded: later imports wrote theirs.
 */
export function upgradeSearchIndexes(db: Database.Database, run: UpgradeRun): void {
  const { upTo, installs: resegmented, progress } = run;
  const total = recordsUpTo(db, upTo);
  let done = recordsUpTo(db, run.after);
  const writer = new SearchIndexWriter(db, false);
  const page = db.prepare('SELECT f.rowid, f.title, f.headings, f.body, r.install_id FROM docs_fts f JOIN docs_records r ON r.id = f.rowid WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?').raw();
  const removeFts = db.prepare('DELETE FROM docs_fts WHERE rowid = ?');
  const setTitle = db.prepare('UPDATE docs_records SET norm_title = ? WHERE id = ?');
  for (;;) {
    const rows = (page.all(run.after, PAGE) as [number, string, string, string, number][]).filter(([id]) => id <= upTo);
    if (rows.length === 0) break;
    for (const [id, title, headings, body, install] of rows) {
      if (segmentCjk(`${title} ${headings} ${body}`) === `${title} ${headings} ${body}`) {
        writer.addDerived(id, title, headings, body);
        continue;
      }
      removeFts.run(id);
      writer.add(id, title, headings, indexText(body));
      setTitle.run(normalizeTitle(title), id);
      resegmented.add(install);
    }
    run.after = rows[rows.length - 1]![0];
    progress((done += rows.length), total);
    run.checkpoint();
  }
  for (const install of resegmented) rebuildVocabulary(db, install);
}

const recordsUpTo = (db: Database.Database, upTo: number) => db.prepare('SELECT count(*) FROM docs_records WHERE id <= ?').pluck().get(upTo) as number;

/**
 * Docs migration 4: version numbers become one word (the records holding one are indexed again,
 * with their titles and vocabulary), long bodies get their span index, and every record learns its
 * body length and its share of link text (from the page markup the library already keeps), so
 * nothing needs to be imported again. Runs in the import worker a page at a time, on the records
 * up to `upTo`, like upgradeSearchIndexes.
 */
export function upgradeForDocumentation(db: Database.Database, run: UpgradeRun): void {
  const { upTo, installs: reindexed, progress } = run;
  const total = recordsUpTo(db, upTo);
  let done = recordsUpTo(db, run.after);
  const writer = new SearchIndexWriter(db);
  const spans = new SpanWriter(db);
  const page = db
    .prepare('SELECT f.rowid, f.title, f.headings, f.body, r.install_id, r.title FROM docs_fts f JOIN docs_records r ON r.id = f.rowid WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?')
    .raw();
  const remove = ['docs_fts', 'docs_pairs', 'docs_titles'].map((table) => db.prepare(`DELETE FROM ${table} WHERE rowid = ?`));
  const setRecord = db.prepare('UPDATE docs_records SET norm_title = ?, body_chars = ? WHERE id = ?');
  const setLength = db.prepare('UPDATE docs_records SET body_chars = ? WHERE id = ?');
  for (;;) {
    const rows = (page.all(run.after, PAGE) as [number, string, string, string, number, string][]).filter(([id]) => id <= upTo);
    if (rows.length === 0) break;
    for (const [id, title, headings, body, install, recordTitle] of rows) {
      if (!hasVersionDots(`${title} ${headings} ${body}`)) {
        spans.add(id, body);
        setLength.run(body.length, id);
        continue;
      }
      for (const statement of remove) statement.run(id);
      const indexed = indexText(unsegmentCjk(body));
      writer.add(id, unsegmentCjk(title), unsegmentCjk(headings), indexed);
      setRecord.run(normalizeTitle(recordTitle), indexed.length, id);
      reindexed.add(install);
    }
    run.after = rows[rows.length - 1]![0];
    progress((done += rows.length), total);
    run.checkpoint();
  }
  for (const install of reindexed) rebuildVocabulary(db, install);
  // Setting a link share again is harmless: after a stop this pass starts over.
  storeLinkShares(db, upTo, run.checkpoint);
}

/** Each record's share of link text, read again from its page's markup (docs_topics.html). */
function storeLinkShares(db: Database.Database, upTo: number, checkpoint: () => void): void {
  const page = db.prepare('SELECT rowid, install_id, topic_id, title, html FROM docs_topics WHERE rowid > ? ORDER BY rowid LIMIT ?').raw();
  const setShare = db.prepare('UPDATE docs_records SET link_share = ? WHERE install_id = ? AND topic_id = ? AND anchor = ? AND id <= ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after, 200) as [number, number, string, string, string][];
    if (rows.length === 0) break;
    for (const [, install, topic, title, html] of rows) {
      for (const section of extractPage(html, title).sections) setShare.run(section.linkShare, install, topic, section.anchor, upTo);
    }
    after = rows[rows.length - 1]![0];
    checkpoint();
  }
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
