import type { Database } from 'better-sqlite3';
import type { CategoryInfo } from '../../../shared/api/privacy';

export type Row = Record<string, unknown>;

/** The person being erased, so providers can scrub their name and e-mail out of free text too. */
export type ErasureSubject = {
  userId: string;
  name: string;
  email: string;
  now: number;
  /** Work outside the database (files) that must happen only once the transaction committed. */
  afterCommit: (task: () => void) => void;
};

/**
 * One category of personal data (P5.1): what it is and why (P2, P8.1), how to show it, export it and
 * erase it. Each reads only its own domain's tables; a category whose tables are not in this
 * database (a feature not deployed) reports `available: false` and is skipped.
 */
export interface CategoryProvider {
  info: CategoryInfo;
  available(db: Database): boolean;
  count(db: Database, userId: string): number;
  /** The newest records for the My data screen. */
  latest(db: Database, userId: string, limit: number): Row[];
  /**
   * Every record, oldest first, for the export. An iterator over one statement, so an account of any
   * size streams in constant memory; the caller gives it a connection of its own.
   */
  iterate(db: Database, userId: string): Iterable<Row>;
  /** Deletes or anonymises this category for the subject, inside the caller's transaction (P5.4, P6.3). */
  erase(db: Database, subject: ErasureSubject): void;
}

export const HOME_COUNTRY = 'DE';
/** Regional support centres that may process data on the home servers' behalf (P8.1). */
export const PROCESSING_COUNTRIES = ['DE', 'CN', 'US'];

export const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

export function hasTables(db: Database, ...tables: string[]): boolean {
  const found = db
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN (${tables.map(() => '?').join(', ')})`)
    .get(...tables) as { n: number };
  return found.n === tables.length;
}

/** Replaces the subject's name and e-mail inside free text (comments, descriptions) with a marker. */
export function scrubSql(column: string): string {
  return `replace(replace(${column}, @name, '[removed]'), @email, '[removed]')`;
}

/**
 * count, latest and iterate for a category that is one query over the person's rows: `select` ends
 * with the `WHERE <owner> = ?` clause, the two orders sort it newest first (screen) and oldest first (export).
 */
export function userRows(q: { count: string; select: string; newestFirst: string; oldestFirst: string; map: (row: Row) => Row }): Pick<CategoryProvider, 'count' | 'latest' | 'iterate'> {
  return {
    count: (db, userId) => (db.prepare(q.count).get(userId) as { n: number }).n,
    latest: (db, userId, limit) => (db.prepare(`${q.select} ORDER BY ${q.newestFirst} LIMIT ?`).all(userId, limit) as Row[]).map(q.map),
    *iterate(db, userId) {
      for (const row of db.prepare(`${q.select} ORDER BY ${q.oldestFirst}`).iterate(userId) as Iterable<Row>) yield q.map(row);
    },
  };
}
