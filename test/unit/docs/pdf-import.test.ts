import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetDirFor } from '../../../main/services/docs/import-job';
import { importInWorker } from '../../../main/services/docs/importer';
import { LibraryStore } from '../../../main/services/docs/library-store';
import { exportPackage } from '../../../main/services/docs/package-export';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { writePdf } from '../../fakes/pdf-writer';
import { docsDb } from './docs-fixtures';

const ROUTER_GUIDE = writePdf({
  title: 'Router Installation Guide',
  pages: [
    { lines: ['Router Installation Guide', 'Read the safety notes before you unpack the router.'] },
    { lines: ['Mounting the chassis', 'Fasten the rack brackets with four screws.', 'Connecting power', 'Plug both power supplies into separate circuits.'] },
    { lines: ['The redundant power supplies share the load evenly.'] },
    { lines: ['Configuring VLAN trunks', 'A trunk port carries tagged frames between switches.'] },
  ],
  outline: [
    { title: 'Mounting the chassis', page: 2, children: [{ title: 'Connecting power', page: 2 }] },
    { title: 'Configuring VLAN trunks', page: 4 },
  ],
});

function folderWith(dir: string, files: Record<string, Buffer | string>): string {
  const root = join(dir, 'manuals');
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), data);
  }
  return root;
}

describe('PDF import', () => {
  it('imports one PDF through the worker: a record per bookmark and per page, the outline as contents, its title and the file kept', { timeout: 60_000 }, async () => {
    const { db, dir } = docsDb();
    const file = join(folderWith(dir, { 'router-guide.pdf': ROUTER_GUIDE }), 'router-guide.pdf');
    const reports: [number, number, number | undefined][] = [];
    const result = await importInWorker(db.name, dir, { kind: 'folder', dir: file }, (done, total, current) => reports.push([done, total, current?.page]));
    expect(result).toMatchObject({ libraryId: 'router-guide-local', topicCount: 1, skipped: [] });
    expect(reports.filter((r) => r[2] !== undefined).map((r) => r[2])).toEqual([1, 2, 3, 4]);
    const install = db.prepare('SELECT title, toc_json FROM docs_installs').get() as { title: string; toc_json: string };
    expect(install.title).toBe('Router Installation Guide');
    expect(JSON.parse(install.toc_json)).toEqual([
      { title: 'Mounting the chassis', anchor: 'page=2', topicId: 'router-guide.pdf', children: [{ title: 'Connecting power', anchor: 'page=2', topicId: 'router-guide.pdf' }] },
      { title: 'Configuring VLAN trunks', anchor: 'page=4', topicId: 'router-guide.pdf' },
    ]);
    const records = db.prepare('SELECT anchor, title FROM docs_records ORDER BY id').all();
    expect(records).toEqual([
      { anchor: 'page=1', title: 'Router Installation Guide' },
      { anchor: 'page=2', title: 'Mounting the chassis' },
      { anchor: 'page=2', title: 'Connecting power' },
      { anchor: 'page=3', title: 'Page 3' },
      { anchor: 'page=4', title: 'Configuring VLAN trunks' },
    ]);
    expect(readFileSync(join(assetDirFor(dir, result.installId), 'router-guide.pdf')).equals(ROUTER_GUIDE)).toBe(true);

    const engine = new SearchEngine(db);
    const [bookmark] = engine.search('connecting power', {}, 5);
    expect(bookmark).toMatchObject({ title: 'Connecting power', path: 'router-guide.pdf#page=2' });
    const [body] = engine.search('"share the load evenly"', {}, 5);
    expect(body).toMatchObject({ path: 'router-guide.pdf#page=3' });
    expect(body!.snippet).toMatch(/load/);

    // An exported package carries the PDF; importing it elsewhere gives the same pages.
    const pkg = join(dir, 'router.esdlib');
    await exportPackage(db, dir, new LibraryStore(db, dir).readyInstall('router-guide-local')!, pkg);
    const other = docsDb();
    const again = await importInWorker(other.db.name, other.dir, { kind: 'package', file: pkg, source: 'package' }, () => undefined);
    expect(readFileSync(join(assetDirFor(other.dir, again.installId), 'topics', 'router-guide.pdf')).equals(ROUTER_GUIDE)).toBe(true);
    expect(new SearchEngine(other.db).search('"share the load evenly"', {}, 5)[0]).toMatchObject({ path: 'topics/router-guide.pdf#page=3' });
    expect(JSON.parse((other.db.prepare('SELECT toc_json FROM docs_installs').get() as { toc_json: string }).toc_json)[1]).toMatchObject({ title: 'Configuring VLAN trunks', anchor: 'page=4' });
  });

  it('imports a folder mixing HTML pages and PDFs, the PDF under its page in the contents', { timeout: 60_000 }, async () => {
    const { db, dir } = docsDb();
    const root = folderWith(dir, {
      'index.html': '<html><head><title>Network manuals</title></head><body><h1>Network manuals</h1><p>Start here.</p></body></html>',
      'guides/router.pdf': ROUTER_GUIDE,
    });
    const result = await importInWorker(db.name, dir, { kind: 'folder', dir: root }, () => undefined);
    expect(result).toMatchObject({ topicCount: 2, skipped: [] });
    const engine = new SearchEngine(db);
    expect(engine.search('trunk port tagged frames', {}, 5)[0]).toMatchObject({ path: 'guides/router.pdf#page=4' });
    expect(engine.search('start here', {}, 5)[0]).toMatchObject({ path: 'index.html' });
  });
});
