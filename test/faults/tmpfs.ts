import { execFileSync } from 'node:child_process';
import { mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real small file system (tmpfs, mounted as root, which the tests and CI run as): a disk that
 * really fills up, so ENOSPC comes from the kernel, short writes included.
 */
export function mountTmpfs(path: string, sizeMb: number): { unmount(): void } {
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', path]);
  return { unmount: () => execFileSync('umount', ['--lazy', path]) };
}

/** Fills the file system at `folder` until only `leaveBytes` are free, with one file; returns its path. */
export function fillDisk(folder: string, leaveBytes: number): string {
  const info = statfsSync(folder);
  const free = Number(info.bavail) * Number(info.bsize);
  const filler = join(folder, 'filler.bin');
  writeFileSync(filler, Buffer.alloc(Math.max(0, free - leaveBytes), 1));
  return filler;
}
