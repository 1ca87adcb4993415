import { formatBytes as formatSizeIn } from '../../../shared/format-bytes';
import { statfs } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';

export type StatFs = (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

// Room left for the OS and other programs after our file: failing at 99% full helps nobody.
const RESERVE_BYTES = 16 * 1024 * 1024;

/** Refuses, before a byte is requested, a download that cannot fit in the folder's free space. */
export async function assertFreeSpace(folder: string, neededBytes: number, stat: StatFs = statfs): Promise<void> {
  const info = await stat(folder);
  const available = Number(info.bavail) * Number(info.bsize);
  if (available - RESERVE_BYTES < neededBytes) {
    throw new AppError(
      'storage',
      `Not enough free disk space in ${folder}: the download needs ${formatBytes(neededBytes)}, ${formatBytes(Math.max(0, available))} is free.`,
    );
  }
}

/** A size in the English messages main keeps for logs and the command line, in the app's one convention. */
export const formatBytes = (bytes: number): string => formatSizeIn(bytes, 'en', (count) => `${count} bytes`);
