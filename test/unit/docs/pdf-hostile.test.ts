import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetDirFor } from '../../../main/services/docs/import-job';
import { importInWorker } from '../../../main/services/docs/importer';
import { DEFAULT_PDF_LIMITS, PdfExtractor } from '../../../main/services/docs/pdf/pdf-extract';
import { writePdf } from '../../fakes/pdf-writer';
import { docsDb } from './docs-fixtures';

const GOOD = writePdf({ title: 'Switch Guide', pages: [{ lines: ['Switch Guide', 'Spanning tree keeps the network free of loops.'] }] });
const marker = join(process.cwd(), 'test-results', 'pdf-javascript-ran');

/** Hostile and broken PDFs, each made here (test/fakes/pdf-writer.ts), with the reason a person is shown. */
const HOSTILE: Record<string, [Buffer, RegExp]> = {
  'not-a-pdf.pdf': [Buffer.from('<html>this is a web page saved with the wrong name</html>'), /not a readable PDF/],
  'empty.pdf': [Buffer.alloc(0), /empty|not a readable PDF/],
  'truncated.pdf': [GOOD.subarray(0, 60), /not a readable PDF/],
  'password.pdf': [writePdf({ pages: [{ lines: ['secret'] }], encrypted: true }), /protected by a password/],
  'pages-bomb.pdf': [forgedPageCount(), /pages, more than/],
  'deep-nesting.pdf': [deepNesting(200_000), /./],
};

/** 25,000 empty pages in 2 MB: reading every page of such files would keep an import busy for minutes. */
function forgedPageCount(): Buffer {
  return writePdf({ pages: Array.from({ length: 25_000 }, () => ({ lines: [] })) });
}

/** 200,000 nested arrays in the page's resources: a recursive parser overflows its stack. */
function deepNesting(depth: number): Buffer {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const text = writePdf({ pages: [{ lines: ['deep'] }] }).toString('latin1').replace('/MediaBox [0 0 612 792]', `/MediaBox [0 0 612 792] /Nested ${nested}`);
  return Buffer.from(text, 'latin1');
}

function folderWith(dir: string, files: Record<string, Buffer>): string {
  const root = join(dir, 'vendor-pdfs');
  mkdirSync(root, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(root, name), data);
  return root;
}

describe('hostile and broken PDFs (generated in the test)', () => {
  it('a folder of them imports its one good PDF and reports every other file with its reason; nothing of the refused files is kept', { timeout: 120_000 }, async () => {
    const { db, dir } = docsDb();
    const js = writePdf({ pages: [{ lines: ['Scripted manual'] }], javascript: `require('fs').writeFileSync('${marker}', 'ran')` });
    const root = folderWith(dir, { 'good.pdf': GOOD, 'scripted.pdf': js, ...Object.fromEntries(Object.entries(HOSTILE).map(([name, [data]]) => [name, data])) });
    const result = await importInWorker(db.name, dir, { kind: 'folder', dir: root }, () => undefined);
    // The good one, and the scripted one read as text with its script never run (pdf.js may also read past the nesting).
    expect(result.topicCount).toBe(2 + (result.skipped.length === 6 ? 0 : 1));
    expect(existsSync(marker)).toBe(false);
    for (const [name, [, reason]] of Object.entries(HOSTILE)) {
      const skipped = result.skipped.find((s) => s.file === name);
      if (name === 'deep-nesting.pdf' && !skipped) continue; // pdf.js may read past the nesting; it must not crash either way
      expect(skipped, `${name} in ${JSON.stringify(result.skipped)}`).toBeDefined();
      expect(skipped!.message, name).toMatch(new RegExp(`^"${name}" was not imported: `));
      expect(skipped!.message, name).toMatch(reason);
    }
    expect(readdirSync(assetDirFor(dir, result.installId)).sort()).toEqual(result.skipped.length === 6 ? ['good.pdf', 'scripted.pdf'] : ['deep-nesting.pdf', 'good.pdf', 'scripted.pdf']);
    const paths = (db.prepare('SELECT DISTINCT path FROM docs_topics').all() as { path: string }[]).map((r) => r.path);
    for (const s of result.skipped) expect(paths).not.toContain(s.file);
  });

  it('a single protected PDF is refused with its reason and nothing is imported', { timeout: 60_000 }, async () => {
    const { db, dir } = docsDb();
    const file = join(folderWith(dir, { 'locked.pdf': HOSTILE['password.pdf']![0] }), 'locked.pdf');
    await expect(importInWorker(db.name, dir, { kind: 'folder', dir: file }, () => undefined)).rejects.toMatchObject({
      code: 'validation',
      message: '"locked.pdf" was not imported: it is protected by a password; save an unprotected copy and import that.',
    });
    for (const table of ['docs_installs', 'docs_topics', 'docs_records', 'docs_fts']) expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    expect(existsSync(join(dir, 'docs')) ? readdirSync(join(dir, 'docs')) : []).toEqual([]);
  });

  it('a decompression bomb is stopped at the memory limit, and a slow file at the time limit', { timeout: 60_000 }, async () => {
    const { dir } = docsDb();
    const root = folderWith(dir, { 'bomb.pdf': writePdf({ pages: [{ lines: [] }], bombBytes: 300 * 1024 * 1024 }), 'long.pdf': writePdf({ pages: Array.from({ length: 400 }, (_, i) => ({ lines: [`Page ${i}`] })) }) });
    const memoryLimited = new PdfExtractor({ ...DEFAULT_PDF_LIMITS, rssGrowthMb: 96 });
    await expect(memoryLimited.extract(join(root, 'bomb.pdf'), () => undefined)).rejects.toMatchObject({ message: /"bomb.pdf" was not imported: reading it needed more memory/ });
    // The worker was stopped with the bomb; the next file gets a fresh one and is read.
    await expect(memoryLimited.extract(join(root, 'long.pdf'), () => undefined)).resolves.toMatchObject({ pageCount: 400 });
    await memoryLimited.close();
    const timeLimited = new PdfExtractor({ ...DEFAULT_PDF_LIMITS, millis: 300 });
    await expect(timeLimited.extract(join(root, 'long.pdf'), () => undefined)).rejects.toMatchObject({ message: /"long.pdf" was not imported: reading it took longer than/ });
    await timeLimited.close();
  });
});
