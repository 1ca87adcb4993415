import type BetterSqlite3 from 'better-sqlite3';
import MultipleCiphers from 'better-sqlite3-multiple-ciphers';

/**
 * better-sqlite3 built with SQLite3 Multiple Ciphers (SQLCipher 4 among them): the same API plus the
 * cipher pragmas (multiple-ciphers.d.ts gives it better-sqlite3's types).
 */
export const SqlCipherDatabase: typeof BetterSqlite3 = MultipleCiphers;
export type SqlCipherDatabase = BetterSqlite3.Database;
