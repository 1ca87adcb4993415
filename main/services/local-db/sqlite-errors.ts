import { AppError } from '../../../shared/errors';

/** better-sqlite3's SqliteError carries SQLite's result code name (extended codes too: SQLITE_CORRUPT_VTAB...). */
const codeOf = (error: unknown): string => (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '');

/** The file is not a database any more, or pages inside it are broken: only recovery helps. */
export function isCorruption(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** The disk (or the user's quota) is full: SQLite's own code, or Node's for a file write. */
export function isDiskFull(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * The typed error a person can act on for a local storage failure, or null when the error is something
 * else (a bug stays `internal`). Nothing was written: SQLite rolled the transaction back.
 */
export function storageErrorFor(error: unknown): AppError | null {
  if (isDiskFull(error)) return new AppError('storage', 'The disk is full, so nothing was saved. Free some space and try again.');
  if (isCorruption(error)) return new AppError('storage', 'The local database is damaged. The app is setting it aside and recovering what it can.');
  return null;
}
