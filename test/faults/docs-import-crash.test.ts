import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { DOCS_MIGRATIONS } from '../../main/services/docs/docs-schema';
import { LibraryStore } from '../../main/services/docs/library-store';
import { applyMigrations, openLocalDatabase } from '../../main/services/local-db/local-database';
import { runChild, until, type Child } from './child-process';
import { writeManual } from './manual';

let child: Child | undefined;
afterEach(async () => {
  await child?.kill9();
  child = undefined;
});

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

it('kill -9 during a docs import: at restart the import is absent (no rows, no files, database intact), and importing again completes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'esd-fault-import-'));
  const source = writeManual(dir, 2000);
  const dbFile = join(dir, 'data', 'local.sqlite');
  child = runChild('docs-import.ts', { ESD_DB: dbFile, ESD_SOURCE: source });

  // Kill once the import has committed its first batch of topics but not finished.
  await until(() => {
    if (!existsSync(dbFile)) return undefined;
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const importing = count(db, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'docs_topics'") && count(db, "SELECT count(*) AS n FROM docs_installs WHERE state = 'importing'");
      return importing && count(db, 'SELECT count(*) AS n FROM docs_topics') > 0 ? true : undefined;
    } finally {
      db.close();
    }
  }, 'the first committed topics of the import', 60_000);
  await child.kill9();

  // What the app does at start (LibraryManager.start): unfinished installs go, rows and files.
  const db = openLocalDatabase(dbFile);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  const store = new LibraryStore(db, join(dir, 'data'));
  expect(store.ready()).toEqual([]);
  await store.removeUnfinished();
  expect(count(db, 'SELECT count(*) AS n FROM docs_installs')).toBe(0);
  expect(count(db, 'SELECT count(*) AS n FROM docs_topics')).toBe(0);
  expect(count(db, 'SELECT count(*) AS n FROM docs_records')).toBe(0);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const docsFolder = join(dir, 'data', 'docs');
  expect(existsSync(docsFolder) ? readdirSync(docsFolder) : []).toEqual([]);
  db.close();

  child = runChild('docs-import.ts', { ESD_DB: dbFile, ESD_SOURCE: source });
  expect(await child.waitForLine(/^Imported /)).toBe('Imported storage-manual-local: 2000 topics.');
  expect(await child.exited).toBe(0);
}, 120_000);
