import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';

export type { Database };

/** Opens (creating if needed) the API's database file and brings its schema up to date. */
export function openDatabase(path: string, now: () => number = Date.now): Database {
  const db = new BetterSqlite3(path);
  try {
    // WAL lets the embedded app and a CLI reader share the file; foreign keys are off by default in SQLite.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, undefined, now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
