import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInWorker } from '../../../main/services/docs/importer';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { docsDb } from '../../unit/docs/docs-fixtures';

/**
 * A real PDF manual, as Debian installs it: "An Introduction to R" (package r-doc-pdf, typeset by
 * Texinfo/pdfTeX with bookmarks; .ci/run installs it). The test fails, rather than skips, when the
 * package is missing.
 */
const R_INTRO = '/usr/share/R/doc/manual/R-intro.pdf';

describe('import of a real PDF manual (Debian r-doc-pdf)', () => {
  it('reads every page with progress, takes its outline as contents, and finds a section and a phrase at their pages', { timeout: 240_000 }, async () => {
    if (!existsSync(R_INTRO)) throw new Error(`${R_INTRO} is missing: install the Debian package r-doc-pdf (apt-get install r-doc-pdf).`);
    const { db, dir } = docsDb();
    const folder = join(dir, 'r-manuals');
    mkdirSync(folder);
    copyFileSync(R_INTRO, join(folder, 'R-intro.pdf'));
    let lastPage = 0;
    let pages = 0;
    const result = await importInWorker(db.name, dir, { kind: 'folder', dir: join(folder, 'R-intro.pdf') }, (_done, _total, current) => {
      if (current?.page) [lastPage, pages] = [current.page, current.pages ?? 0];
    });
    expect(result.skipped).toEqual([]);
    expect(pages).toBeGreaterThan(90);
    expect(lastPage).toBe(pages);
    const install = db.prepare('SELECT title, toc_json FROM docs_installs').get() as { title: string; toc_json: string };
    expect(install.title).toMatch(/Introduction to R/);
    type Node = { title: string; anchor?: string; children?: Node[] };
    const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
    const chapter = flat(JSON.parse(install.toc_json) as Node[]).find((n) => n.title === '5 Arrays and matrices');
    expect(chapter?.anchor).toMatch(/^page=\d+$/);

    // The chapter's bookmark title finds the page the bookmark opens.
    const engine = new SearchEngine(db);
    const [section] = engine.search('arrays and matrices', {}, 5);
    expect(section).toMatchObject({ title: '5 Arrays and matrices', path: `R-intro.pdf#${chapter!.anchor}` });
    const [phrase] = engine.search('"generalized linear models"', {}, 5);
    expect(phrase!.path).toMatch(/^R-intro\.pdf#page=\d+$/);
    // The snippet marks the words (between \u0002 and \u0003, as the search screen draws them).
    expect(phrase!.snippet.toLowerCase().replaceAll('\u0002', '').replaceAll('\u0003', '')).toContain('generalized linear models');
  });
});
