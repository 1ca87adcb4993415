import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import yazl from 'yazl';
import { DOCS_MIGRATIONS } from '../../main/services/docs/docs-schema';
import { importInWorker } from '../../main/services/docs/importer';
import { SearchEngine } from '../../main/services/docs/search-engine';
import { applyMigrations, openLocalDatabase } from '../../main/services/local-db/local-database';
import { buildCorpus, buildQueries, type BenchQuery, type BenchTopic } from './docs-corpus';
import { evaluate, round } from './docs-evaluate';

/**
 * `npm run bench -- docs`: our engine (SQLite FTS5 + vocabulary + title/phrase fusion, imported
 * through the real worker from a real package) against MiniSearch (prefix + fuzzy 0.2, fields
 * weighted 10/1 like ours) on the same 100,000 topics and the same queries. DOCS_BENCH_TOPICS and
 * DOCS_BENCH_QUERIES (per kind) shrink the run for a quick look.
 */
const TOPICS = Number(process.env.DOCS_BENCH_TOPICS ?? 100_000);
const PER_KIND = Number(process.env.DOCS_BENCH_QUERIES ?? 50);

export async function docsBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'esd-docs-bench-'));
  try {
    const corpus = buildCorpus(TOPICS);
    const queries = buildQueries(corpus, PER_KIND);
    // Warm-up queries of the same kinds about other topics: the measured queries are each run
    // once, as a person types a new query, never repeated to hit caches they filled themselves.
    const warmUp = buildQueries(corpus, PER_KIND, 8);
    const textMb = corpus.reduce((n, t) => n + t.title.length + t.body.length, 0) / 1024 / 1024;
    console.log(`docs bench: ${corpus.length} topics, ${textMb.toFixed(1)} MB of text, ${queries.length} queries`);

    const packageFile = await writePackage(dir, corpus);
    const ours = await measureOurs(dir, packageFile, corpus.length, textMb, queries, warmUp);
    const baseline = measureMiniSearch(corpus, queries, warmUp);
    const figures = {
      topics: corpus.length,
      ...ours,
      baselineP50Ms: baseline.p50Ms,
      baselineP95Ms: baseline.p95Ms,
      baselineCpuP95Ms: baseline.cpuP95Ms,
      baselineTitleMRR: baseline.titleMRR,
      baselinePhraseMRR: baseline.phraseMRR,
      baselineTypoR10: baseline.typoR10,
      baselinePrefixR10: baseline.prefixR10,
      baselineImportTopicsPerSec: baseline.importTopicsPerSec,
      baselineEventLoopP99Ms: baseline.eventLoopP99Ms,
      baselineHeapMb: baseline.heapMb,
      p95SpeedupVsBaseline: round(baseline.p95Ms / ours.p95Ms),
      // Load average while the queries ran: above the core count, wall-clock latencies are inflated.
      loadAverage: round(loadavg()[0]!),
    };
    console.table(figures);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureOurs(dir: string, packageFile: string, count: number, textMb: number, queries: BenchQuery[], warmUp: BenchQuery[]) {
  const dbFile = join(dir, 'local.sqlite');
  const db = openLocalDatabase(dbFile);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  // The main process's view of an import: event-loop delay and peak RSS while the worker works.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  delay.enable();
  const started = performance.now();
  await importInWorker(dbFile, dir, { kind: 'package', file: packageFile, source: 'package' }, () => undefined);
  const importSeconds = (performance.now() - started) / 1000;
  delay.disable();
  clearInterval(sampler);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dbMb = statSync(dbFile).size / 1024 / 1024;

  const engine = new SearchEngine(db);
  const quality = evaluate(queries, warmUp, (text) => engine.search(text, {}, 10).map((hit) => hit.topicId));
  db.close();
  return {
    p50Ms: quality.p50Ms,
    p95Ms: quality.p95Ms,
    cpuP95Ms: quality.cpuP95Ms,
    titleMRR: quality.titleMRR,
    phraseMRR: quality.phraseMRR,
    typoR10: quality.typoR10,
    prefixR10: quality.prefixR10,
    noHitShare: quality.noHitShare,
    importTopicsPerSec: Math.round(count / importSeconds),
    eventLoopP99Ms: round(delay.percentile(99) / 1e6),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    dbMbPerTextMb: round(dbMb / textMb),
  };
}

function measureMiniSearch(corpus: BenchTopic[], queries: BenchQuery[], warmUp: BenchQuery[]) {
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new MiniSearch<BenchTopic>({ fields: ['title', 'body'], idField: 'id', storeFields: [] });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  index.addAll(corpus); // synchronous: this is what it costs the thread it runs on
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
  const options = { prefix: true, fuzzy: 0.2, boost: { title: 10 } };
  const quality = evaluate(queries, warmUp, (text) => index.search(text, options).slice(0, 10).map((hit) => String(hit.id)));
  return { ...quality, importTopicsPerSec: Math.round(corpus.length / seconds), eventLoopP99Ms: round(Math.max(delay.percentile(99) / 1e6, seconds * 1000)), heapMb };
}

export async function writePackage(dir: string, corpus: BenchTopic[]): Promise<string> {
  const manifest = {
    format: 1, id: 'bench-1-0-en', product: 'Bench', version: '1.0', language: 'en', title: 'Bench', updatedAt: '2026-01-01T00:00:00.000Z',
    toc: [], topics: corpus.map((t) => ({ id: t.id, title: t.title, file: `topics/${t.id}.html` })),
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
  for (const topic of corpus) zip.addBuffer(Buffer.from(topic.html), `topics/${topic.id}.html`, { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const file = join(dir, 'bench.esdlib');
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}
