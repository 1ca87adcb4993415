import type Database from 'better-sqlite3';
import { upgradeForDocumentation, upgradeSearchIndexes, type UpgradeProgress } from './search-index-upgrade';

/**
 * Index upgrades: the slow half of a docs migration. The migration itself (at startup, on the main
 * thread) only creates tables and columns, which takes milliseconds; re-indexing the libraries
 * already imported can take minutes on a large library, so it is recorded here as pending and run
 * by the import worker after the window is shown (DocsService.start), with progress. Until it is
 * done, search answers from the index as it was (see the README, "Index upgrades").
 */
const PENDING_TABLE = `CREATE TABLE IF NOT EXISTS docs_index_upgrades (
  version INTEGER PRIMARY KEY,
  up_to_record INTEGER NOT NULL
)`;

const UPGRADES: Record<number, (db: Database.Database, upTo: number, progress: UpgradeProgress) => void> = {
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
 * Runs every pending upgrade in order, each in one transaction with the removal of its pending row
 * (an upgrade cut short by a crash or a quit is run again at the next start). Progress counts the
 * records of all of them together.
 */
export function runIndexUpgrades(db: Database.Database, progress: UpgradeProgress = () => {}): number[] {
  const pending = pendingIndexUpgrades(db);
  const sizes = pending.map(({ upTo }) => db.prepare('SELECT count(*) FROM docs_records WHERE id <= ?').pluck().get(upTo) as number);
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  pending.forEach(({ version, upTo }, i) => {
    db.transaction(() => {
      UPGRADES[version]!(db, upTo, (done) => progress(before + done, total));
      db.prepare('DELETE FROM docs_index_upgrades WHERE version = ?').run(version);
    })();
    before += sizes[i]!;
    progress(before, total);
  });
  return pending.map((p) => p.version);
}
