/**
 * Whether an error means the disk (or the user's quota) is full: the kernel's ENOSPC/EDQUOT from
 * node:fs, or SQLite's SQLITE_FULL from better-sqlite3. Callers turn it into a 'storage' AppError
 * that tells the user to free space, instead of an "unexpected" failure.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
