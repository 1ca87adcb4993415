import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DOCS_MIGRATIONS } from '../../main/services/docs/docs-schema';
import { readPdfText, squash } from '../../main/services/docs/pdf/pdf-text';
import { SearchEngine } from '../../main/services/docs/search-engine';
import { normalizeTitle } from '../../main/services/docs/text';
import { applyMigrations, openLocalDatabase } from '../../main/services/local-db/local-database';
import { percentile, round } from './docs-evaluate';
import { importWithCli } from './docs-real-import';

/**
 * Real PDF manuals from Debian (r-doc-pdf: R's seven manuals, asymptote-doc: Asymptote's manual),
 * typeset by LaTeX/Texinfo with bookmarks, which we did not write. `refman` (a 3,700-page generated
 * reference) joins with DOCS_PDF_REFMAN=1. The folder is imported with `npm run docs -- import`
 * (wall, CPU, peak RSS), then known-answer queries whose answers come from the PDFs themselves,
 * read here with pdf.js apart from the importer: every bookmark title that is unique in the
 * corpus must find its page (outline MRR@10), and 4-word phrases that occur once in the corpus
 * must find theirs (phrase MRR@10); latency with snippets, as the search screen asks for them.
 */
const PDFS = [
  ...['R-intro', 'R-admin', 'R-data', 'R-exts', 'R-ints', 'R-lang', 'R-FAQ'].map((name) => `/usr/share/R/doc/manual/${name}.pdf`),
  '/usr/share/doc/asymptote/asymptote.pdf',
  ...(process.env.DOCS_PDF_REFMAN === '1' ? ['/usr/share/R/doc/manual/refman.pdf'] : []),
];
const PHRASES_PER_FILE = 40;

export async function pdfDocsBench(): Promise<Record<string, number>> {
  const missing = PDFS.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`docs-pdf bench: ${missing.join(', ')} missing: apt-get install r-doc-pdf asymptote-doc`);
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-pdf-'));
  const folder = join(dir, 'debian-pdf-manuals');
  mkdirSync(folder);
  for (const file of PDFS) copyFileSync(file, join(folder, basename(file)));
  const dbFile = join(dir, 'local.sqlite');
  const load = loadavg()[0]!;
  const imported = await importWithCli(dbFile, folder);

  // The answers, from pdf.js directly (not from what the importer stored).
  const outlines: { query: string; path: string }[] = [];
  const phrases: { query: string; path: string }[] = [];
  const titleCount = new Map<string, number>();
  const pageTexts: { path: string; text: string }[] = [];
  let pages = 0;
  for (const file of PDFS) {
    const text = await readPdfText(new Uint8Array(readFileSync(file)), () => undefined);
    pages += text.pages.length;
    const name = basename(file);
    for (const item of text.outline) {
      const key = normalizeTitle(item.title);
      titleCount.set(key, (titleCount.get(key) ?? 0) + 1);
      outlines.push({ query: item.title, path: `${name}#page=${item.page + 1}` });
    }
    text.pages.forEach((page, i) => pageTexts.push({ path: `${name}#page=${i + 1}`, text: squash(page) }));
  }
  const uniqueOutlines = outlines.filter((o) => titleCount.get(normalizeTitle(o.query)) === 1 && normalizeTitle(o.query).length > 2);
  const corpus = pageTexts.map((p) => p.text.toLowerCase()).join('\n');
  let seed = 17;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const file of PDFS.map((f) => basename(f))) {
    const candidates = pageTexts.filter((p) => p.path.startsWith(`${file}#`) && p.text.split(' ').length > 40);
    for (let tries = 0, found = 0; found < PHRASES_PER_FILE && tries < PHRASES_PER_FILE * 20; tries++) {
      const page = candidates[Math.floor(random() * candidates.length)]!;
      const words = page.text.split(' ');
      const start = Math.floor(random() * (words.length - 4));
      const phrase = words.slice(start, start + 4).join(' ');
      if (!/^[A-Za-z][A-Za-z ,.'-]+[A-Za-z]$/.test(phrase)) continue; // words as a person types them
      const lower = phrase.toLowerCase();
      if (corpus.indexOf(lower) !== corpus.lastIndexOf(lower)) continue; // it must have one answer
      phrases.push({ query: `"${phrase}"`, path: page.path });
      found++;
    }
  }

  const db = openLocalDatabase(dbFile);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  const engine = new SearchEngine(db);
  const latencies: number[] = [];
  const mrr = (queries: { query: string; path: string }[]) => {
    let sum = 0;
    for (const q of queries) {
      const started = performance.now();
      const hits = engine.search(q.query, {}, 10);
      latencies.push(performance.now() - started);
      const rank = hits.findIndex((h) => h.path.endsWith(q.path) && h.snippet !== undefined);
      if (rank >= 0) sum += 1 / (rank + 1);
    }
    return round(sum / Math.max(1, queries.length));
  };
  for (const q of [...uniqueOutlines, ...phrases].slice(0, 50)) engine.search(q.query, {}, 10); // warm the page cache
  const outlineMrr = mrr(uniqueOutlines);
  const phraseMrr = mrr(phrases);
  db.close();
  latencies.sort((a, b) => a - b);
  const figures = {
    'pdf.files': PDFS.length,
    'pdf.pages': pages,
    'pdf.importSeconds': imported.seconds,
    'pdf.importCpuSeconds': imported.cpuSeconds,
    'pdf.pagesPerSecond': round(pages / imported.seconds),
    'pdf.pagesPerCpuSecond': round(pages / imported.cpuSeconds),
    'pdf.peakRssMb': imported.peakRssMb,
    'pdf.outlineQueries': uniqueOutlines.length,
    'pdf.outlineMrr10': outlineMrr,
    'pdf.phraseQueries': phrases.length,
    'pdf.phraseMrr10': phraseMrr,
    'pdf.p50Ms': percentile(latencies, 0.5),
    'pdf.p95Ms': percentile(latencies, 0.95),
    'pdf.loadAverage': round(load),
  };
  console.log('docs-pdf: real PDF manuals from Debian (r-doc-pdf, asymptote-doc)');
  console.table(figures);
  return figures;
}
