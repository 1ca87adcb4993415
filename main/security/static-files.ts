import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (a module worker: Chromium refuses one served as octet-stream).
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a regular file inside `root`, or null when it would leave `root` (`..` segments,
 * their percent-encoded forms, backslashes, NUL bytes, and symlinks pointing outside are refused) or
 * names no file: a folder such as /assets/ is "not found" here, because every caller reads the path
 * it gets, and reading a folder throws EISDIR (which killed the browser preview). "/" maps to index.html.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const rootReal = await realpath(root);
  const candidate = resolve(rootReal, ...(segments.length ? segments : ['index.html']));
  if (!isWithin(rootReal, candidate)) return null;
  try {
    const real = await realpath(candidate);
    return isWithin(rootReal, real) && (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
