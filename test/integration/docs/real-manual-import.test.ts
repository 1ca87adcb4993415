import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInWorker } from '../../../main/services/docs/importer';
import { MAX_RECORD_TEXT } from '../../../main/services/docs/html-extract';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { docsDb } from '../../unit/docs/docs-fixtures';

/**
 * A real manual, as Debian installs it: SQLite's documentation (Debian package sqlite3-doc, 766
 * pages written by SQLite's own Tcl generator; .ci/run installs it). The test fails, rather than
 * skips, when the package is missing.
 */
const SQLITE_DOC = '/usr/share/doc/sqlite3';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.isFile() && /\.x?html?$/i.test(entry.name) ? [full] : [];
  });
}

describe('import of a real HTML manual folder (Debian sqlite3-doc)', () => {
  it('imports every page through the worker with progress, splits sections, keeps each page whole, and finds a page by its title', { timeout: 240_000 }, async () => {
    if (!existsSync(join(SQLITE_DOC, 'datatype3.html'))) throw new Error(`${SQLITE_DOC} is missing: install the Debian package sqlite3-doc (apt-get install sqlite3-doc).`);
    const { db, dir } = docsDb();
    const reports: [number, number][] = [];
    const result = await importInWorker(db.name, dir, { kind: 'folder', dir: SQLITE_DOC }, (done, total) => reports.push([done, total]));

    // Every HTML page is one topic; the package also ships a PDF (copyright-release.pdf), imported beside them.
    const pages = htmlFiles(SQLITE_DOC).length;
    const pdfs = readdirSync(SQLITE_DOC).filter((name) => name.endsWith('.pdf')).length;
    const count = (where: string) => (db.prepare(`SELECT count(*) AS n FROM docs_topics WHERE ${where}`).get() as { n: number }).n;
    expect(count("path NOT LIKE '%.pdf%'")).toBe(pages);
    expect(count("path LIKE '%.pdf%'")).toBeGreaterThanOrEqual(pdfs);
    expect(result.topicCount).toBe(count('1'));
    // Progress climbs to the end, as the app's import dialog shows it.
    const [lastDone, lastTotal] = reports.at(-1)!;
    expect(lastDone).toBe(lastTotal);
    expect(lastTotal).toBeGreaterThanOrEqual(pages);
    expect(reports.map(([done]) => done)).toEqual([...reports.map(([done]) => done)].sort((a, b) => a - b));

    const topic = db.prepare("SELECT topic_id, title, html FROM docs_topics WHERE path = 'datatype3.html'").get() as { topic_id: string; title: string; html: string };
    expect(topic.title).toBe('Datatypes In SQLite');
    expect(topic.html).toContain('Affinity Name Examples');
    const section = db.prepare("SELECT r.title, f.headings FROM docs_records r JOIN docs_fts f ON f.rowid = r.id WHERE r.topic_id = ? AND r.anchor = 'affinity_name_examples'").get(topic.topic_id) as { title: string; headings: string };
    expect(section.title).toMatch(/Affinity Name Examples$/);
    expect(section.headings).toMatch(/^Datatypes In SQLite › /);
    const longest = (db.prepare('SELECT max(length(body)) AS n FROM docs_fts').get() as { n: number }).n;
    expect(longest).toBeLessThanOrEqual(MAX_RECORD_TEXT);

    const hits = new SearchEngine(db).search('Datatypes In SQLite', {}, 10);
    expect(hits[0]).toMatchObject({ path: 'datatype3.html', title: 'Datatypes In SQLite' });
    db.close();
  });
});
