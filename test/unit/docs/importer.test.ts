import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetDirFor, runImport, sha256File } from '../../../main/services/docs/import-job';
import { importInWorker } from '../../../main/services/docs/importer';
import { docsDb, manifestOf, page, writePackage } from './docs-fixtures';

const progress = () => undefined;
const TOPICS = [
  { id: 'intro', title: 'Introduction' },
  { id: 'setup', title: 'Setting up' },
];
const FILES = { 'topics/intro.html': page('Introduction', '<p>Hello <a href="setup.html">setup</a>.</p>'), 'topics/setup.html': page('Setting up', '<p>Run it.</p><img src="../images/a.svg">'), 'images/a.svg': '<svg/>' };

/** Nothing of a refused package may remain: no install row, topic, index row, term or file. */
function expectNothingImported(db: ReturnType<typeof docsDb>['db'], dir: string) {
  for (const table of ['docs_installs', 'docs_topics', 'docs_records', 'docs_terms']) {
    expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
  }
  for (const index of ['docs_fts', 'docs_pairs', 'docs_titles']) {
    expect((db.prepare(`SELECT count(*) AS n FROM ${index}`).get() as { n: number }).n, index).toBe(0);
  }
  expect(existsSync(join(dir, 'docs')) ? readdirSync(join(dir, 'docs')) : []).toEqual([]);
}

describe('library package import', () => {
  it('imports a valid package: topics, searchable sections, images beside it', async () => {
    const { db, dir } = docsDb();
    const file = await writePackage(dir, manifestOf(TOPICS), FILES);
    const result = await runImport(db, dir, { kind: 'package', file, source: 'package', expectedSha256: await sha256File(file) }, progress);
    expect(result).toMatchObject({ libraryId: 'fixture-1-0-en', topicCount: 2, retired: [] });
    expect(existsSync(join(assetDirFor(dir, result.installId), 'images', 'a.svg'))).toBe(true);
    expect(db.prepare("SELECT state FROM docs_installs").get()).toEqual({ state: 'ready' });
  });

  it.each([
    ['a wrong sha256 checksum', {}, {}, 'f'.repeat(64), /checksum does not match/],
    ['a ../ path', { 'xx/evil.txt': 'pwned' }, { 'xx/evil.txt': '../evil.txt' }, undefined, /unsafe path/],
    ['an absolute path', { 'Xetc/passwd': 'root' }, { 'Xetc/passwd': '/etc/passwd' }, undefined, /unsafe path/],
    ['a backslash path', { 'images/x.svg': '<svg/>' }, { 'images/x.svg': 'images\\x.svg' }, undefined, /unsafe path/],
  ])('refuses a package with %s and imports nothing', async (_name, extra, rename, sha, message) => {
    const { db, dir } = docsDb();
    const file = await writePackage(dir, manifestOf(TOPICS), { ...FILES, ...extra }, rename);
    await expect(runImport(db, dir, { kind: 'package', file, source: 'package', expectedSha256: sha }, progress)).rejects.toMatchObject({ code: 'validation', message });
    expectNothingImported(db, dir);
    expect(existsSync(join(dir, '..', 'evil.txt'))).toBe(false);
  });

  it('refuses duplicate topic ids, a topic file outside topics/, a bad manifest, and a file that is not a zip', async () => {
    const { db, dir } = docsDb();
    const cases: [unknown, Record<string, string>, RegExp][] = [
      [manifestOf([...TOPICS, TOPICS[0]!]), FILES, /appears twice/],
      [{ ...manifestOf(TOPICS), topics: [{ id: 'intro', title: 'x', file: 'manifest.json' }] }, FILES, /outside topics/],
      [{ ...manifestOf(TOPICS), id: '../../etc' }, FILES, /manifest is not valid/],
      [{ ...manifestOf(TOPICS), topics: [{ id: 'intro', title: 'x', file: 'topics/missing.html' }] }, FILES, /missing/],
    ];
    for (const [manifest, files, message] of cases) {
      const file = await writePackage(dir, manifest, files);
      await expect(runImport(db, dir, { kind: 'package', file, source: 'package' }, progress)).rejects.toMatchObject({ code: 'validation', message });
    }
    const notZip = join(dir, 'not-a-zip.esdlib');
    writeFileSync(notZip, 'hello');
    await expect(runImport(db, dir, { kind: 'package', file: notZip, source: 'package' }, progress)).rejects.toMatchObject({ message: /not a readable zip/ });
    expectNothingImported(db, dir);
  });

  it('replaces an installed copy atomically: the new one is searchable, the old one is gone', async () => {
    const { db, dir } = docsDb();
    const first = await runImport(db, dir, { kind: 'package', file: await writePackage(dir, manifestOf(TOPICS), FILES), source: 'package' }, progress);
    const newer = manifestOf([...TOPICS, { id: 'extra', title: 'Extra topic' }], { updatedAt: '2026-02-01T00:00:00.000Z' });
    const second = await runImport(db, dir, { kind: 'package', file: await writePackage(dir, newer, { ...FILES, 'topics/extra.html': page('Extra topic', '<p>New.</p>') }), source: 'package' }, progress);
    expect(second.retired).toEqual([first.installId]);
    expect(db.prepare('SELECT id, topic_count FROM docs_installs').all()).toEqual([{ id: second.installId, topic_count: 3 }]);
    expect((db.prepare('SELECT count(*) AS n FROM docs_records WHERE install_id = ?').get(first.installId) as { n: number }).n).toBe(0);
  });
});

describe('folder of HTML manuals import', () => {
  it('derives titles, sections and a table of contents from folders and pages, tolerating malformed HTML, in a worker thread', async () => {
    const { db, dir } = docsDb();
    const root = join(dir, 'Acme Manual');
    mkdirSync(join(root, 'install', 'img'), { recursive: true });
    writeFileSync(join(root, 'index.html'), page('Acme Manual', '<p>Start here.'));
    writeFileSync(join(root, 'install', 'index.html'), '<title>Installing Acme</title><p>Chapter intro');
    // Unclosed tags, a stray </div>, a second <body>, no <html>: browsers cope, so must we.
    writeFileSync(join(root, 'install', 'disks.htm'), '<h1>Disk layout<p>Partition <b>first</div><body><h2 id="raid">RAID levels<h2><p>Mirror <i>pairs</p><img src="img/raid.png"><img src="../../../outside.png">');
    writeFileSync(join(root, 'install', 'img', 'raid.png'), 'png');
    writeFileSync(join(dir, 'outside.png'), 'secret');
    const result = await importInWorker(db.name, dir, { kind: 'folder', dir: root }, progress);
    expect(result).toMatchObject({ libraryId: 'acme-manual-local', topicCount: 3 });
    const topics = db.prepare('SELECT topic_id, title, path FROM docs_topics ORDER BY ord').all();
    expect(topics).toEqual([
      { topic_id: 'index', title: 'Acme Manual', path: 'index.html' },
      { topic_id: 'install-index', title: 'Installing Acme', path: 'install/index.html' },
      { topic_id: 'install-disks', title: 'Disk layout', path: 'install/disks.htm' },
    ]);
    expect(db.prepare("SELECT anchor, title FROM docs_records WHERE topic_id = 'install-disks' ORDER BY id").all()).toEqual([
      { anchor: '', title: 'Disk layout' },
      { anchor: 'raid', title: 'RAID levels' },
    ]);
    const toc = JSON.parse((db.prepare('SELECT toc_json FROM docs_installs').get() as { toc_json: string }).toc_json);
    expect(toc).toEqual([
      { title: 'Acme Manual', topicId: 'index' },
      { title: 'Installing Acme', topicId: 'install-index', children: [{ title: 'Disk layout', topicId: 'install-disks' }] },
    ]);
    const assets = assetDirFor(dir, result.installId);
    expect(existsSync(join(assets, 'install', 'img', 'raid.png'))).toBe(true);
    expect(readdirSync(assets)).toEqual(['install']); // the image outside the folder was not copied
  });

  it('refuses a folder with no pages and leaves nothing behind', async () => {
    const { db, dir } = docsDb();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await expect(importInWorker(db.name, dir, { kind: 'folder', dir: empty }, progress)).rejects.toMatchObject({ code: 'validation', message: /no HTML pages or PDF files/ });
    expectNothingImported(db, dir);
  });
});
