import type Database from 'better-sqlite3';
import type { LocalDatabase } from '../local-db/local-database';

type Row = Record<string, unknown>;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((column) => column.name);

/**
 * Reads what can be read of one table of a damaged database: walking the table in rowid order until
 * a broken page stops it, then from the other end back to the break, so the rows on both sides of a
 * damaged page are kept. `complete` is false when a break was met (rows on the broken page are lost).
 */
export function readReadableRows(from: Database.Database, table: string): { rows: Row[]; complete: boolean } {
  const seen = new Map<number, Row>();
  let complete = true;
  const walk = (order: 'ASC' | 'DESC') => {
    try {
      for (const row of from.prepare(`SELECT rowid AS "__rowid", * FROM ${quote(table)} ORDER BY rowid ${order}`).iterate() as Iterable<Row>) {
        const rowid = Number(row.__rowid);
        if (seen.has(rowid)) return;
        seen.set(rowid, row);
      }
    } catch {
      complete = false;
    }
  };
  walk('ASC');
  if (!complete) walk('DESC');
  const rows = [...seen.entries()].sort(([a], [b]) => a - b).map(([, { __rowid: _rowid, ...row }]) => row);
  return { rows, complete };
}

/**
 * Inserts rows into a table of the new database, by the columns both sides have; a row that clashes
 * with one already there (same key: recovered twice) is skipped. Returns how many were added.
 */
export function insertRows(to: LocalDatabase, table: string, rows: readonly Row[], skip: (row: Row) => boolean = () => false): number {
  if (!rows.length) return 0;
  const target = new Set(columnsOf(to, table));
  let added = 0;
  to.transaction(() => {
    for (const row of rows) {
      if (skip(row)) continue;
      const columns = Object.keys(row).filter((column) => target.has(column));
      if (!columns.length) continue;
      try {
        const result = to.prepare(`INSERT OR IGNORE INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => row[c] as never));
        added += result.changes;
      } catch {
        // A row that breaks a rule of the new schema (a bad value from a broken page): left out.
      }
    }
  })();
  return added;
}

/** The tables a damaged file still names, or null when even its schema cannot be read. */
export function readableTables(from: Database.Database): Set<string> | null {
  try {
    return new Set((from.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
  } catch {
    return null;
  }
}

/** Rows in a table of a damaged file: a number, 0 when the table is not there, null when it cannot be counted. */
export function countRows(from: Database.Database, tables: Set<string> | null, table: string): number | null {
  if (!tables) return null;
  if (!tables.has(table)) return 0;
  try {
    return (from.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
  } catch {
    return null;
  }
}
