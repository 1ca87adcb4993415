import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { SqlCipherDatabase as Database } from '../local-db/sqlcipher';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { applyKey, databaseKeyOf, type LocalDatabase } from '../local-db/local-database';

export type LocalPart = { path: string; content: Buffer };

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

async function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Every table of the local database as JSON, one file per table, read from a read-only connection of its own. */
export function localDatabaseParts(open: LocalDatabase): LocalPart[] {
  const db = new Database(open.name, { readonly: true, fileMustExist: true });
  try {
    const key = databaseKeyOf(open);
    if (key) applyKey(db, key);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).all() as { name: string }[];
    // FTS shadow tables repeat what their table holds, in an internal format.
    const virtual = (db.prepare(`SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[]).map((t) => `${t.name}_`);
    return tables
      .filter((t) => !virtual.some((prefix) => t.name.startsWith(prefix)))
      .map((t) => {
        const rows = db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`).all() as Record<string, unknown>[];
        const json = JSON.stringify(rows, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value), 2);
        return { path: `local-data/database/${t.name}.json`, content: Buffer.from(json) };
      });
  } finally {
    db.close();
  }
}

/**
 * Adds the data kept on this computer to a downloaded export: a new ZIP with every original entry
 * copied as it is, plus local-data/ and its own manifest with SHA-256 per file. Written to a temp file
 * and renamed over the original, so a failure leaves the verified download untouched.
 */
export async function appendLocalData(zipPath: string, parts: LocalPart[]): Promise<string[]> {
  const source = await openZip(zipPath, { lazyEntries: true, autoClose: false });
  const temp = `${zipPath}.${process.pid}.tmp`;
  try {
    const entries = await entriesOf(source);
    const output = new ZipFile();
    for (const entry of entries) {
      // local-data/ is ours to write: an entry of that name from the service is not copied over it.
      if (entry.fileName.endsWith('/') || entry.fileName.startsWith('local-data/')) continue;
      output.addReadStreamLazy(entry.fileName, { compressionLevel: 1 }, (callback) => source.openReadStream(entry, callback));
    }
    const manifest = parts.map((part) => ({ path: part.path, sha256: createHash('sha256').update(part.content).digest('hex'), bytes: part.content.length }));
    for (const part of parts) output.addBuffer(part.content, part.path, { compressionLevel: 1 });
    output.addBuffer(Buffer.from(JSON.stringify({ format: 'esd-local-data/1', files: manifest }, null, 2)), 'local-data/manifest.json');
    output.end();
    await pipeline(output.outputStream as Readable, createWriteStream(temp, { mode: 0o600 }));
    await rename(temp, zipPath);
    const copied = entries.map((e) => e.fileName).filter((name) => !name.endsWith('/') && !name.startsWith('local-data/'));
    return [...copied, ...parts.map((p) => p.path), 'local-data/manifest.json'];
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
