import { constants } from 'node:fs';
import { copyFile, link, open, rename, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Path separators, characters Windows refuses, and controls.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
// Bidi overrides/isolates and zero-width characters: they make "evil\u202Etxt.exe" look like a text file.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const MAX_BYTES = 200;

/**
 * A server-supplied file name made safe for any desktop file system: no directories (`../../x` → `x`),
 * no reserved device names (`CON` → `_CON`), no bidi or zero-width tricks, no trailing dots or spaces,
 * at most 200 UTF-8 bytes with the extension kept. Never empty.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).filter((part) => part !== '' && part !== '.' && part !== '..').pop() ?? '';
  let name = lastSegment.normalize('NFKC').replace(INVISIBLE, '').replace(FORBIDDEN, '_').trim().replace(/[. ]+$/, '');
  // NFKC can turn fullwidth or compatibility characters into separators: check again.
  name = name.replace(FORBIDDEN, '_').replace(/^\.+/, '');
  if (name === '') name = 'download';
  const stem = name.split('.')[0]!;
  if (RESERVED.test(stem.trim())) name = `_${name}`;
  return truncateUtf8(name, MAX_BYTES);
}

function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const ext = extname(name);
  const keepExt = Buffer.byteLength(ext) <= 20 ? ext : '';
  const stem = name.slice(0, name.length - keepExt.length);
  let out = '';
  // Iterate by code point so a surrogate pair or multi-byte character is never cut in half.
  for (const char of stem) {
    if (Buffer.byteLength(out + char + keepExt) > maxBytes) break;
    out += char;
  }
  return out + keepExt;
}

/** "name.ext", "name (1).ext", "name (2).ext"... */
export function candidateName(fileName: string, n: number): string {
  if (n === 0) return fileName;
  const ext = extname(fileName);
  const stem = ext && ext !== fileName ? fileName.slice(0, -ext.length) : fileName;
  return `${stem} (${n})${ext === fileName ? '' : ext}`;
}

/**
 * Moves `from` into `folder` under `fileName` or the first free "name (n)" variant, never replacing
 * an existing file: a hard link fails with EEXIST atomically. Where hard links are unsupported,
 * an exclusive create reserves the name first. `beforeTry` hears each name before it is taken, so a
 * caller can record where the file may be if the process dies inside the move.
 */
export async function moveWithoutOverwrite(from: string, folder: string, fileName: string, beforeTry: (target: string) => void = () => undefined): Promise<string> {
  for (let n = 0; n < 10_000; n++) {
    const target = join(folder, candidateName(fileName, n));
    beforeTry(target);
    try {
      await link(from, target);
      await unlink(from);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    }
    try {
      const reserved = await open(target, 'wx');
      await reserved.close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await moveFile(from, target);
    return target;
  }
  throw new Error(`No free file name for ${fileName}`);
}

/** rename, or copy + delete across devices (the quarantine folder may be on another disk). */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_FICLONE);
    await unlink(from);
  }
}
