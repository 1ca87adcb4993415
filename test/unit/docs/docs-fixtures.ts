import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { applyMigrations, openLocalDatabase } from '../../../main/services/local-db/local-database';
import { DOCS_MIGRATIONS } from '../../../main/services/docs/docs-schema';
import type { Manifest } from '../../../shared/api/docs';
import { runImport } from '../../../main/services/docs/import-job';
import { SearchEngine } from '../../../main/services/docs/search-engine';

export function docsDb() {
  return docsDb.withMigrations(DOCS_MIGRATIONS);
}

/** A database with only some of the docs migrations: what an older version of the app left. */
docsDb.withMigrations = (migrations: typeof DOCS_MIGRATIONS) => {
  const dir = mkdtempSync(join(tmpdir(), 'esd-docs-unit-'));
  const db = openLocalDatabase(join(dir, 'local.sqlite'));
  applyMigrations(db, 'docs', migrations);
  return { dir, db };
};

/**
 * A database an app from before docs migration 4 left: one library whose records know neither their
 * length nor their link share, version numbers indexed as separate numbers, and a long page ending
 * in "nebula lantern" without a span index. Migrations 1-3 only.
 */
export function databaseBeforeMigration4() {
  const { db, dir } = docsDb.withMigrations(DOCS_MIGRATIONS.filter((m) => m.version <= 3));
  const long = `${Array.from({ length: 2000 }, (_, i) => `word${i % 300}`).join(' ')} ends with nebula lantern`;
  const links = '<ul><li><a href="a.html">Release 2.4.1</a></li><li><a href="b.html">Release 1.2.4</a></li></ul>';
  db.prepare(`INSERT INTO docs_installs (id, library_id, product, version, language, title, source, state, updated_at, toc_json, installed_at)
    VALUES (1, 'old-1-0-en', 'Old', '1.0', 'en', 'Old', 'package', 'ready', '2026-01-01', '[]', '2026-01-01')`).run();
  const topic = db.prepare('INSERT INTO docs_topics (install_id, topic_id, ord, title, path, html) VALUES (1, ?, ?, ?, ?, ?)');
  topic.run('rel', 0, 'Release 2.4.1', 'rel.html', '<p>Fixes a crash in 2.4.1.</p>');
  topic.run('toc', 1, 'Releases', 'toc.html', links);
  topic.run('big', 2, 'Big page', 'big.html', `<p>${long}</p>`);
  const record = db.prepare("INSERT INTO docs_records (id, install_id, topic_id, anchor, title, norm_title) VALUES (?, 1, ?, '', ?, ?)");
  const fts = db.prepare("INSERT INTO docs_fts (rowid, title, headings, body) VALUES (?, ?, '', ?)");
  for (const [id, topicId, title, body] of [[1, 'rel', 'Release 2.4.1', 'Fixes a crash in 2.4.1.'], [2, 'toc', 'Releases', 'Release 2.4.1 Release 1.2.4'], [3, 'big', 'Big page', long]] as const) {
    record.run(id, topicId, title, title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());
    fts.run(id, title, body);
    db.prepare('INSERT INTO docs_pairs (rowid, pairs) VALUES (?, ?)').run(id, '');
    db.prepare('INSERT INTO docs_titles (rowid, title, headings) VALUES (?, ?, ?)').run(id, title, '');
  }
  return { db, dir, long };
}

export const manifestOf = (topics: { id: string; title: string }[], overrides: Partial<Manifest> = {}): Manifest => ({
  format: 1,
  id: 'fixture-1-0-en',
  product: 'Fixture',
  version: '1.0',
  language: 'en',
  title: 'Fixture 1.0',
  updatedAt: '2026-01-01T00:00:00.000Z',
  toc: topics.map((t) => ({ title: t.title, topicId: t.id })),
  topics: topics.map((t) => ({ id: t.id, title: t.title, file: `topics/${t.id}.html` })),
  ...overrides,
});

/**
 * Writes a package. `rename` swaps an entry name for another of the same length in the bytes
 * afterwards, which is how a hostile package gets names (`../x`, `/x`) that yazl itself refuses.
 */
export async function writePackage(
  dir: string,
  manifest: unknown,
  files: Record<string, string>,
  rename: Record<string, string> = {},
): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let data = Buffer.concat(chunks);
  for (const [from, to] of Object.entries(rename)) {
    if (from.length !== to.length) throw new Error('same length only');
    data = Buffer.from(data.toString('latin1').split(from).join(to), 'latin1');
  }
  const file = join(dir, `package-${Math.random().toString(36).slice(2)}.esdlib`);
  writeFileSync(file, data);
  return file;
}

export const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

/** A search engine over a package of [id, title, body HTML] topics, imported as a user would. */
export async function engineOver(topics: [string, string, string][]): Promise<SearchEngine> {
  const { db, dir } = docsDb();
  const manifest = manifestOf(topics.map(([id, title]) => ({ id, title })));
  const files = Object.fromEntries(topics.map(([id, title, body]) => [`topics/${id}.html`, page(title, body)]));
  await runImport(db, dir, { kind: 'package', file: await writePackage(dir, manifest, files), source: 'package' }, () => undefined);
  return new SearchEngine(db);
}
