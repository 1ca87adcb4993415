import type Database from 'better-sqlite3';
import { upgradeForDocumentation, upgradeSearchIndexes, type UpgradeProgress, type UpgradeRun } from './search-index-upgrade';

/**
 * Index upgrades: the slow half of a docs migration. The migration itself (at startup, on the main
 * thread) only creates tables and columns, which takes milliseconds; re-indexing the libraries
 * already imported can take minutes on a large library, so it is recorded here as pending and run
 * by the import worker after the window is shown (DocsService.start), with progress. Until it is
 * done, search answers from the index as it was (see the README, "Index upgrades").
 */
const PENDING_TABLE = `CREATE TABLE IF NOT EXISTS docs_index_upgrades (
  version INTEGER PRIMARY KEY,
  up_to_record INTEGER NOT NULL,
  after_record INTEGER NOT NULL DEFAULT 0,
  installs_json TEXT NOT NULL DEFAULT '[]'
)`;

const UPGRADES: Record<number, (db: Database.Database, run: UpgradeRun) => void> = {
  2: upgradeSearchIndexes,
  4: upgradeForDocumentation,
};

export interface PendingUpgrade {
  version: number;
  /** Records with this id or lower existed before the migration; later ones were written upgraded. */
  upTo: number;
}

/** Called by a migration: its upgrade is pending when libraries were imported before it (a new database has nothing to upgrade). */
export function deferIndexUpgrade(db: Database.Database, version: number): void {
  if (!(version in UPGRADES)) throw new Error(`No index upgrade for docs migration ${version}.`);
  db.exec(PENDING_TABLE);
  const upTo = db.prepare('SELECT max(id) FROM docs_records').pluck().get() as number | null;
  if (upTo !== null) db.prepare('INSERT OR REPLACE INTO docs_index_upgrades (version, up_to_record) VALUES (?, ?)').run(version, upTo);
}

export function pendingIndexUpgrades(db: Database.Database): PendingUpgrade[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'docs_index_upgrades'").get();
  if (!exists) return [];
  return (db.prepare('SELECT version, up_to_record FROM docs_index_upgrades ORDER BY version').raw().all() as [number, number][]).map(([version, upTo]) => ({ version, upTo }));
}

/**
 * Runs every pending upgrade in order, a page of records per transaction: each commit stores how far
 * it got, so other writers of the database (an import, the app's own tables) wait for one page at most,
 * and an upgrade stopped by a quit or a crash resumes there at the next start. The last transaction
 * removes its pending row. Progress counts the records of all of them together.
 */
export function runIndexUpgrades(db: Database.Database, progress: UpgradeProgress = () => {}): number[] {
  const pending = pendingIndexUpgrades(db);
  const sizes = pending.map(({ upTo }) => db.prepare('SELECT count(*) FROM docs_records WHERE id <= ?').pluck().get(upTo) as number);
  const total = sizes.reduce((a, b) => a + b, 0);
  const save = db.prepare('UPDATE docs_index_upgrades SET after_record = ?, installs_json = ? WHERE version = ?');
  let before = 0;
  pending.forEach(({ version, upTo }, i) => {
    const [after, installs] = db.prepare('SELECT after_record, installs_json FROM docs_index_upgrades WHERE version = ?').raw().get(version) as [number, string];
    const run: UpgradeRun = {
      upTo, after, installs: new Set(JSON.parse(installs) as number[]),
      progress: (done) => progress(before + done, total),
      checkpoint: () => {
        save.run(run.after, JSON.stringify([...run.installs]), version);
        db.exec('COMMIT; BEGIN IMMEDIATE');
      },
    };
    db.exec('BEGIN IMMEDIATE');
    try {
      UPGRADES[version]!(db, run);
      db.prepare('DELETE FROM docs_index_upgrades WHERE version = ?').run(version);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    before += sizes[i]!;
    progress(before, total);
  });
  return pending.map((p) => p.version);
}
