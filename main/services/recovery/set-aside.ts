import { existsSync, renameSync } from 'node:fs';

/** A file-name-safe time (no colons, for Windows): 2026-12-04T17-05-12-345Z. */
export const fileStamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

/**
 * Renames a damaged file to `<file>.broken-<time>` next to it, with its SQLite companions (-wal, -shm,
 * -journal) renamed to match, so the set-aside database still opens with its WAL. Returns the new names.
 */
export function setAside(file: string, at: Date, companions: readonly string[] = []): string[] {
  const target = `${file}.broken-${fileStamp(at)}`;
  const moved: string[] = [];
  for (const suffix of ['', ...companions]) {
    if (!existsSync(file + suffix)) continue;
    renameSync(file + suffix, target + suffix);
    moved.push(target + suffix);
  }
  return moved;
}
