import { existsSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { SqlCipherDatabase as Database } from '../local-db/sqlcipher';
import type { RecoveryItem } from '../../../shared/contract/recovery-contract';
import { DOCS_MIGRATIONS } from '../docs/docs-schema';
import { applyKey, applyMigrations, isPlainSqliteFile, openLocalDatabase, type LocalDatabase } from '../local-db/local-database';
import { isCorruption } from '../local-db/sqlite-errors';
import { migrateTicketsStore } from '../tickets/tickets-store';
import { backupFileFor, readBackup, type BackupRows } from './outbox-backup';
import { NOT_CARRIED_OVER, PRECIOUS_TABLES, READING_STATE_TABLES, REBUILDABLE_TABLE } from './precious-tables';
import { countRows, insertRows, readableTables, readReadableRows } from './salvage';
import { setAside } from './set-aside';

export type DatabaseDamage = Extract<RecoveryItem, { kind: 'database' }>;
type Lost = DatabaseDamage['lost'][number];

/** Written when damage is found while the app runs: the next open recovers even if the check passes. */
export const damageMarkerFor = (databaseFile: string) => `${databaseFile}.damaged`;

class FailedCheck extends Error {}

const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * SQLite's quick_check (structure of every page, index against table) over every table except the big
 * documentation indexes, which can be rebuilt by downloading the library again and are checked as they
 * are read (a damaged page there is found at run time and leads to the same recovery).
 */
function quickCheck(db: LocalDatabase): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    if (REBUILDABLE_TABLE.test(name)) continue;
    const result = db.pragma(`quick_check("${name.replace(/"/g, '""')}")`) as { quick_check: string }[];
    if (result.length !== 1 || result[0]!.quick_check !== 'ok') throw new FailedCheck(`${name}: ${result[0]?.quick_check}`);
  }
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const isEmpty = (db: LocalDatabase) => !(db.prepare('SELECT 1 FROM local_migrations LIMIT 1').get());
const hasRows = (backup: BackupRows | null) => Boolean(backup && Object.values(backup).some((rows) => rows.length));

/**
 * Opens `local.sqlite`, checked first; never refuses to start. A file that is not a database or fails
 * the check is set aside with its WAL and SHM (`local.sqlite.broken-<time>`), a new one is created, and
 * the outbox and drafts are copied from the damaged file as far as they can be read, then from the
 * last-known-good copy for what could not. An empty file (a power cut) is refilled from that copy.
 * The damage comes back for the recovery notice; errors that are not damage (locked, no permission) are thrown.
 */
export function openLocalDatabaseSafely(file: string, key: Buffer | null = null, now = new Date()): { db: LocalDatabase; damage: DatabaseDamage | null } {
  const marker = damageMarkerFor(file);
  const backup = readBackup(backupFileFor(file), key);
  let cause: DatabaseDamage['cause'] | null = existsSync(marker) ? 'damaged-while-running' : null;
  if (!cause) {
    const emptied = existsSync(file) && sizeOf(file) === 0 && sizeOf(`${file}-wal`) === 0;
    try {
      const db = openLocalDatabase(file, { check: quickCheck, key });
      if (!isEmpty(db) || !(emptied || hasRows(backup))) return { db, damage: null };
      prepareTables(db);
      const fromBackup = restoreFromBackup(db, backup, new Set(PRECIOUS_TABLES.map((t) => t.table)));
      const lost: Lost[] = backup ? ['documentation', 'downloads', 'reading-state'] : ['outbox', 'drafts', 'feedback', 'documentation', 'downloads', 'reading-state'];
      return { db, damage: { kind: 'database', at: now.toISOString(), cause: 'emptied', setAside: [], recovered: counts(db), fromBackup, lost } };
    } catch (error) {
      if (error instanceof FailedCheck) cause = 'damaged';
      else if (isCorruption(error)) cause = (error as { code?: string }).code === 'SQLITE_NOTADB' ? 'unreadable' : 'damaged';
      else throw error;
    }
  }
  const moved = setAside(file, now, COMPANIONS.slice(1));
  rmSync(marker, { force: true });
  const db = openLocalDatabase(file, { key });
  prepareTables(db);
  const { incomplete, lost } = moved[0] ? salvageInto(db, moved[0], key) : { incomplete: new Set(PRECIOUS_TABLES.map((t) => t.table)), lost: new Set<Lost>() };
  const fromBackup = restoreFromBackup(db, backup, incomplete);
  // What was neither read nor restored from the copy is lost.
  for (const { table, kind } of PRECIOUS_TABLES) if (incomplete.has(table) && !backup?.[table]) lost.add(kind);
  return {
    db,
    // Reading the set-aside file gives it a WAL and SHM of its own if it had none: they are named too.
    damage: { kind: 'database', at: now.toISOString(), cause, setAside: setAsideFiles(moved[0]), recovered: counts(db), fromBackup, lost: [...lost] },
  };
}

const setAsideFiles = (file: string | undefined) => (file ? COMPANIONS.map((suffix) => file + suffix).filter((path) => existsSync(path)).map((path) => basename(path)) : []);

/** The tables recovered rows go into, created by their domains' own migrations. */
function prepareTables(db: LocalDatabase): void {
  migrateTicketsStore(db);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
}

/** Copies what can be read from the set-aside file; returns the precious tables that could not be read whole. */
function salvageInto(db: LocalDatabase, damagedFile: string, key: Buffer | null): { incomplete: Set<string>; lost: Set<Lost> } {
  const incomplete = new Set<string>();
  const lost = new Set<Lost>();
  let from: Database | null = null;
  try {
    from = new Database(damagedFile, { readonly: true, fileMustExist: true });
    // A file from before encryption (damaged before it could be encrypted) is read as it is.
    if (key && !isPlainSqliteFile(damagedFile)) applyKey(from, key);
  } catch {
    from = null;
  }
  const tables = from ? readableTables(from) : null;
  for (const table of [...PRECIOUS_TABLES.map((t) => t.table), ...READING_STATE_TABLES]) {
    if (!from || !tables) {
      incomplete.add(table);
      continue;
    }
    if (!tables.has(table)) continue;
    const { rows, complete } = readReadableRows(from, table);
    insertRows(db, table, rows);
    if (!complete) incomplete.add(table);
  }
  if (READING_STATE_TABLES.some((table) => incomplete.has(table))) lost.add('reading-state');
  for (const { table, kind } of NOT_CARRIED_OVER) if (!from || countRows(from, tables, table) !== 0) lost.add(kind);
  from?.close();
  return { incomplete, lost };
}

/**
 * Restores the last-known-good rows of the tables the damaged file could not give whole. Queued items
 * keep their Idempotency-Key, so one the service already had is answered, not stored twice; a draft the
 * outbox already holds (it was sent meanwhile) is not brought back.
 */
function restoreFromBackup(db: LocalDatabase, backup: BackupRows | null, tables: ReadonlySet<string>): DatabaseDamage['fromBackup'] {
  const restored = { outbox: 0, drafts: 0, feedback: 0 };
  if (!backup) return restored;
  const queuedDrafts = () => new Set((db.prepare('SELECT draft_id FROM tickets_outbox WHERE draft_id IS NOT NULL').all() as { draft_id: string }[]).map((row) => row.draft_id));
  for (const { table, kind, counted } of PRECIOUS_TABLES) {
    if (!tables.has(table) || !backup[table]) continue;
    const sent = table === 'tickets_drafts' ? queuedDrafts() : new Set<string>();
    const added = insertRows(db, table, backup[table], (row) => sent.has(String(row.id)));
    if (counted) restored[kind] += added;
  }
  return restored;
}

function counts(db: LocalDatabase): DatabaseDamage['recovered'] {
  const result = { outbox: 0, drafts: 0, feedback: 0 };
  for (const { table, kind, counted } of PRECIOUS_TABLES) {
    if (counted) result[kind] += (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return result;
}
