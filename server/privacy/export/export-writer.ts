import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import { ZipFile } from 'yazl';
import type { CategoryId, ExportManifest } from '../../../shared/api/privacy';
import { availableCategories } from '../categories';
import { hasTables, type Row } from '../categories/category-provider';
import { DisclosureRegister } from '../disclosures';
import { CsvSpool, jsonChunks } from './chunks';

type ManifestFile = ExportManifest['files'][number];

/** Hashes and counts what passes through, for the manifest and for the ZIP's own checksum. */
function digestTap(onDone: (sha256: string, bytes: number) => void): Transform {
  const hash = createHash('sha256');
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      onDone(hash.digest('hex'), bytes);
      callback();
    },
  });
}

function* tee(rows: Iterable<Row>, spool: CsvSpool): Generator<Row> {
  try {
    for (const row of rows) {
      spool.write(row);
      yield row;
    }
  } finally {
    spool.close();
  }
}

/**
 * Writes one person's export (P5.1): a JSON file per category, a CSV beside each tabular one and a
 * manifest with every file's SHA-256. Streamed from a read-only connection of its own: each entry's
 * rows are read only when the ZIP writer reaches it, so memory stays flat however large the account,
 * and the API's own connection is never held busy by an open iterator. A tabular category is read
 * once: its CSV is spooled to a temp file during the JSON pass and added right after. The ZIP is
 * written to a temp file and renamed, so a half-written one is never served.
 */
export async function writeExport(options: {
  dbPath: string;
  userId: string;
  createdAt: number;
  /** Only these categories are written; the manifest lists them. */
  categories: readonly CategoryId[];
  target: string;
  compressionLevel?: number;
}): Promise<{ sha256: string; size: number }> {
  const reader = new BetterSqlite3(options.dbPath, { readonly: true, fileMustExist: true });
  const temp = `${options.target}.partial`;
  const spools: string[] = [];
  try {
    reader.exec('BEGIN'); // one snapshot across every category
    const zip = new ZipFile();
    const files: ManifestFile[] = [];
    const level = options.compressionLevel ?? 1;
    const entry = (path: string, category: string, open: () => { stream: Readable; rows: () => number }) => {
      zip.addReadStreamLazy(path, { compressionLevel: level }, (callback) => {
        const { stream, rows } = open();
        callback(null, stream.pipe(digestTap((sha256, bytes) => files.push({ path, category, sha256, bytes, rows: rows() }))));
      });
    };
    const chosen = availableCategories(reader).filter((category) => options.categories.includes(category.info.id));
    for (const category of chosen) {
      const id = category.info.id;
      const spool = category.info.tabular ? `${options.target}.${id}.csv.partial` : null;
      entry(`${id}.json`, id, () => {
        const counter = { rows: 0 };
        const rows = category.iterate(reader, options.userId);
        const source = spool ? tee(rows, new CsvSpool(spool)) : rows;
        return { stream: Readable.from(jsonChunks(source, counter), { objectMode: false }), rows: () => counter.rows };
      });
      if (spool) {
        spools.push(spool);
        // Reached only after the JSON entry ended, so the spool is complete and closed by then.
        entry(`${id}.csv`, id, () => ({ stream: createReadStream(spool), rows: () => files.find((f) => f.path === `${id}.json`)?.rows ?? 0 }));
      }
    }
    // P4.2: every disclosure recorded for the person that shared a chosen category (the register is
    // not a category of data held, but what was shared of it).
    if (hasTables(reader, 'privacy_disclosures')) {
      entry('disclosures.json', 'disclosures', () => {
        const records = new DisclosureRegister(reader)
          .for(options.userId)
          .records.filter((record) => record.dataCategories.some((id) => options.categories.includes(id)));
        return { stream: Readable.from([Buffer.from(JSON.stringify(records, null, 2))]), rows: () => records.length };
      });
    }
    // Lazy as well: by the time the writer asks for it, every file above has been hashed.
    zip.addReadStreamLazy('manifest.json', { compressionLevel: level }, (callback) => {
      const manifest: ExportManifest = {
        format: 'esd-privacy-export/1',
        userId: options.userId,
        createdAt: new Date(options.createdAt).toISOString(),
        categories: chosen.map((category) => category.info.id),
        files,
      };
      callback(null, Readable.from([Buffer.from(JSON.stringify(manifest, null, 2))]));
    });
    zip.end();
    let result = { sha256: '', size: 0 };
    await pipeline(
      zip.outputStream,
      digestTap((sha256, size) => (result = { sha256, size })),
      createWriteStream(temp, { mode: 0o600 }),
    );
    await rename(temp, options.target);
    return result;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    reader.close(); // ends the read snapshot too
    await Promise.all(spools.map((spool) => rm(spool, { force: true })));
  }
}
