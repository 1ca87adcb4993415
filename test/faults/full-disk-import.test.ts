import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DOCS_MIGRATIONS } from '../../main/services/docs/docs-schema';
import { importInWorker } from '../../main/services/docs/importer';
import { LibraryStore } from '../../main/services/docs/library-store';
import { applyMigrations, openLocalDatabase, type LocalDatabase } from '../../main/services/local-db/local-database';
import { writeManual } from './manual';
import { fillDisk, mountTmpfs } from './tmpfs';

let disk: { unmount(): void } | undefined;
let db: LocalDatabase | undefined;
afterAll(() => {
  db?.close();
  disk?.unmount();
});

const count = (sql: string) => (db!.prepare(sql).get() as { n: number }).n;

it('the data folder fills up during a docs import (16 MB tmpfs): a clear storage error, no library and no rows left, the database intact, and the same process imports it once space is freed', async () => {
  const source = writeManual(mkdtempSync(join(tmpdir(), 'esd-fault-manual-')), 2000);
  const dataDir = join(mkdtempSync(join(tmpdir(), 'esd-fault-import-disk-')), 'data');
  disk = mountTmpfs(dataDir, 16);
  const dbFile = join(dataDir, 'local.sqlite');
  db = openLocalDatabase(dbFile);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  const store = new LibraryStore(db, dataDir);
  // About 1 MB left: the manual's pages and index need several.
  const filler = fillDisk(dataDir, 1024 * 1024);

  await expect(importInWorker(dbFile, dataDir, { kind: 'folder', dir: source }, () => undefined)).rejects.toMatchObject({
    code: 'storage',
    message: 'The disk is full, so the library could not be imported. Nothing was imported: free some space and import it again.',
  });
  expect(store.ready()).toEqual([]);
  // What an interrupted import leaves is removed before the next one (and at every start).
  await store.removeUnfinished();
  expect(count('SELECT count(*) AS n FROM docs_installs')).toBe(0);
  expect(count('SELECT count(*) AS n FROM docs_topics')).toBe(0);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(existsSync(join(dataDir, 'docs')) ? readdirSync(join(dataDir, 'docs')) : []).toEqual([]);

  rmSync(filler);
  const result = await importInWorker(dbFile, dataDir, { kind: 'folder', dir: source }, () => undefined);
  expect(result).toMatchObject({ libraryId: 'storage-manual-local', topicCount: 2000 });
  expect(store.ready().map((row) => row.library_id)).toEqual(['storage-manual-local']);
}, 120_000);
