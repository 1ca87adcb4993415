import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { listFolder } from '../../main/services/docs/folder-reader';
import { SearchEngine } from '../../main/services/docs/search-engine';
import { displayText } from '../../main/services/docs/text';
import { openLocalDatabase } from '../../main/services/local-db/local-database';
import type { BenchQuery } from './docs-corpus';
import { evaluate, round } from './docs-evaluate';
import { importInApp, importWithCli } from './docs-real-import';
import { ensureInstalled, selectedManuals, type RealManual } from './docs-real-manuals';
import { realQueries, type RealRecord } from './docs-real-queries';

/**
 * The real-manual half of `npm run bench -- docs` (alone: `npm run bench -- docs-real`): each
 * Debian manual is imported twice, once as a whole process (`npm run docs -- import`) and once
 * through the app's worker while this thread's event loop is watched; then the same known-answer
 * queries go to our engine (on that SQLite file, as `npm run docs -- search` runs it), to plain
 * FTS5 (every word, ORDER BY rank, with snippet()) and to MiniSearch, all on the same records.
 * DOCS_REAL_MANUALS picks manuals, DOCS_REAL_QUERIES sets the queries per kind (default 150).
 */
const PER_KIND = Number(process.env.DOCS_REAL_QUERIES ?? 150);
const WARM_UP_PER_KIND = 25;
const QUERY_SEED = 20261204;
const TARGETS: Record<string, string> = {
  queryP50Ms: '<= 1', queryP95Ms: '<= 5', rankingP95Ms: '<= 2', titleMRR: '>= 0.97', phraseMRR: '>= 0.85', typoR10: '>= 0.95', prefixR10: '>= 0.98',
  noHitShare: '<= 0.01', importSecondsPer15Mb: '<= 4', importPeakRssMb: '<= 512', importEventLoopP99Ms: '<= 50',
};

export async function realDocsBench(): Promise<Record<string, number>> {
  const manuals = selectedManuals();
  const unavailable = ensureInstalled(manuals);
  const figures: Record<string, number> = {};
  for (const manual of manuals) {
    const why = unavailable.get(manual.name);
    if (why) {
      console.error(`docs bench: manual "${manual.name}" left out: ${why}`);
      figures[`real.${manual.name}.available`] = 0;
      continue;
    }
    const result = await benchManual(manual);
    for (const [key, value] of Object.entries(result)) figures[`real.${manual.name}.${key}`] = value;
  }
  if (unavailable.size > 0) process.exitCode = 1;
  return figures;
}

async function benchManual(manual: RealManual): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), `esd-docs-real-${manual.name}-`));
  try {
    const { pages } = await listFolder(manual.folder);
    const htmlMb = pages.reduce((n, p) => n + statSync(p.file).size, 0) / 1024 / 1024;
    console.log(`docs bench: ${manual.name} (${manual.aptPackage}, ${manual.folder}): ${pages.length} pages, ${htmlMb.toFixed(1)} MB of HTML`);

    mkdirSync(join(dir, 'cli'));
    const cli = await importWithCli(join(dir, 'cli', 'local.sqlite'), manual.folder);
    rmSync(join(dir, 'cli'), { recursive: true, force: true });
    const dbFile = join(dir, 'local.sqlite');
    const app = await importInApp(dbFile, dir, manual.folder);

    const db = openLocalDatabase(dbFile);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbMb = statSync(dbFile).size / 1024 / 1024;
    const records = readRecords(db);
    const queries = realQueries(records, PER_KIND, QUERY_SEED);
    const warmUp = realQueries(records, WARM_UP_PER_KIND, QUERY_SEED + 1);
    console.log(`docs bench: ${manual.name}: ${records.length} records, ${queries.length} queries`);

    const engine = new SearchEngine(db);
    const ours = evaluate(queries, warmUp, (text) => engine.search(text, {}, 10).map((hit) => hit.path));
    // Queries of the same kinds drawn with another seed: the first run's queries would find their pages in SQLite's cache.
    const ranking = rankingOnly(engine, realQueries(records, PER_KIND, QUERY_SEED + 2), []);
    db.close();
    const fts5 = plainFts5(dir, records, queries, warmUp);
    const mini = manual.large && process.env.DOCS_REAL_MINISEARCH_ALL !== '1' ? null : miniSearch(records, queries, warmUp);

    const figures: Record<string, number> = {
      available: 1,
      pages: pages.length,
      htmlMb: round(htmlMb),
      records: records.length,
      queries: queries.length,
      queryP50Ms: ours.p50Ms,
      queryP95Ms: ours.p95Ms,
      queryCpuP95Ms: ours.cpuP95Ms,
      titleMRR: ours.titleMRR,
      phraseMRR: ours.phraseMRR,
      typoR10: ours.typoR10,
      prefixR10: ours.prefixR10,
      noHitShare: ours.noHitShare,
      ...(ranking === null ? {} : { rankingP95Ms: ranking.p95Ms, rankingCpuP95Ms: ranking.cpuP95Ms }),
      importSeconds: cli.seconds,
      importSecondsPer15Mb: round((cli.seconds * 15) / htmlMb),
      importCpuSeconds: cli.cpuSeconds,
      importCpuSecondsPer15Mb: round((cli.cpuSeconds * 15) / htmlMb),
      importPeakRssMb: cli.peakRssMb,
      importInAppSeconds: app.seconds,
      importEventLoopP99Ms: app.eventLoopP99Ms,
      importProgressReports: app.progressReports,
      dbMbPerHtmlMb: round(dbMb / htmlMb),
      loadAverage: round(loadavg()[0]!),
    };
    for (const [name, result] of [['fts5', fts5], ['minisearch', mini]] as const) {
      if (!result) continue;
      for (const [key, value] of Object.entries(result)) figures[`${name}${key[0]!.toUpperCase()}${key.slice(1)}`] = value;
    }
    printTable(manual, figures);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Ranking alone (no titles, paths or snippets fetched): the engine has no public entry point for it,
 * so its last step, display(), is replaced for this measurement by one that returns the ranked ids.
 * If the engine no longer has that step, the figure is left out and the table says so.
 */
function rankingOnly(engine: SearchEngine, queries: BenchQuery[], warmUp: BenchQuery[]): { p95Ms: number; cpuP95Ms: number } | null {
  const target = engine as unknown as { display?: unknown };
  if (typeof target.display !== 'function') return null;
  const original = target.display;
  target.display = (ranked: [number, number][]) => ranked.map(([id]) => ({ path: String(id) }));
  try {
    const { p95Ms, cpuP95Ms } = evaluate(queries, warmUp, (text) => engine.search(text, {}, 10).map((hit) => hit.path));
    return { p95Ms, cpuP95Ms };
  } finally {
    target.display = original;
  }
}

/** Every search record as the importer stored it, identified as a search hit's path is. */
function readRecords(db: Database.Database): RealRecord[] {
  const rows = db
    .prepare(
      `SELECT t.path, r.anchor, f.title, f.headings, f.body FROM docs_records r
       JOIN docs_topics t ON t.install_id = r.install_id AND t.topic_id = r.topic_id
       JOIN docs_fts f ON f.rowid = r.id ORDER BY r.id`,
    )
    .raw()
    .all() as [string, string, string, string, string][];
  // As the page says it (the index keeps version dots and CJK separators in its own form).
  return rows.map(([path, anchor, title, headings, body]) => ({ id: anchor ? `${path}#${anchor}` : path, title: displayText(title), headings: displayText(headings), body: displayText(body) }));
}

/** Plain FTS5: the records in a default fts5 table, every query word required, bm25 order, FTS5's own snippet(). */
function plainFts5(dir: string, records: RealRecord[], queries: BenchQuery[], warmUp: BenchQuery[]) {
  const db = new Database(join(dir, 'plain-fts5.sqlite'));
  db.exec("CREATE VIRTUAL TABLE plain USING fts5(id UNINDEXED, title, headings, body, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO plain (id, title, headings, body) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of records) insert.run(r.id, r.title, r.headings, r.body);
  })();
  const select = db.prepare("SELECT id, snippet(plain, 3, '\u0002', '\u0003', '…', 24) FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT 10").raw();
  const result = evaluate(queries, warmUp, (text) => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    return (select.all(words.map((w) => `"${w}"`).join(' ')) as [string, string][]).map((row) => row[0]);
  });
  db.close();
  return result;
}

/** MiniSearch as the synthetic bench configures it (prefix, fuzzy 0.2, title boost 10), in memory, without snippets. */
function miniSearch(records: RealRecord[], queries: BenchQuery[], warmUp: BenchQuery[]) {
  const index = new MiniSearch<RealRecord>({ fields: ['title', 'headings', 'body'], idField: 'id', storeFields: [] });
  const started = performance.now();
  index.addAll(records);
  const importSeconds = round((performance.now() - started) / 1000);
  const options = { prefix: true, fuzzy: 0.2, boost: { title: 10, headings: 5 } };
  return { ...evaluate(queries, warmUp, (text) => index.search(text, options).slice(0, 10).map((hit) => String(hit.id))), importSeconds };
}

function printTable(manual: RealManual, figures: Record<string, number>): void {
  const rows: Record<string, Record<string, number | string>> = {};
  const pick = (prefix: string, key: string) => figures[prefix ? `${prefix}${key[0]!.toUpperCase()}${key.slice(1)}` : key] ?? '-';
  for (const [label, key, base] of [
    ['query p50 ms (with snippets)', 'queryP50Ms', 'p50Ms'],
    ['query p95 ms (with snippets)', 'queryP95Ms', 'p95Ms'],
    ['query p95 ms, process CPU', 'queryCpuP95Ms', 'cpuP95Ms'],
    ['query p95 ms, ranking only', 'rankingP95Ms', '-'],
    ['query p95 ms, ranking only, process CPU', 'rankingCpuP95Ms', '-'],
    ['title MRR@10', 'titleMRR', 'titleMRR'],
    ['phrase MRR@10', 'phraseMRR', 'phraseMRR'],
    ['typo Recall@10', 'typoR10', 'typoR10'],
    ['prefix Recall@10', 'prefixR10', 'prefixR10'],
    ['queries with no hit', 'noHitShare', 'noHitShare'],
  ] as const) {
    rows[label] = { ours: figures[key] ?? '-', 'plain FTS5': pick('fts5', base), MiniSearch: pick('minisearch', base), target: TARGETS[key] ?? '' };
  }
  for (const [label, key] of [
    ['import, whole process (s)', 'importSeconds'],
    ['import per 15 MB of HTML (s)', 'importSecondsPer15Mb'],
    ['import, whole process CPU (s)', 'importCpuSeconds'],
    ['import CPU per 15 MB of HTML (s)', 'importCpuSecondsPer15Mb'],
    ['import peak RSS (MB)', 'importPeakRssMb'],
    ['import in the app (s)', 'importInAppSeconds'],
    ['event-loop p99 during import (ms)', 'importEventLoopP99Ms'],
  ] as const) {
    rows[label] = { ours: figures[key] ?? '-', 'plain FTS5': '', MiniSearch: key === 'importInAppSeconds' ? pick('minisearch', 'importSeconds') : '', target: TARGETS[key] ?? '' };
  }
  const rankingNote = figures.rankingP95Ms === undefined ? '; ranking-only p95 not measured (the engine has no display step to leave out)' : '';
  console.log(`\n${manual.name} (${manual.aptPackage}): ${figures.pages} pages, ${figures.htmlMb} MB of HTML, ${figures.records} records, ${figures.queries} queries, load average ${figures.loadAverage}${rankingNote}`);
  console.table(rows);
}
