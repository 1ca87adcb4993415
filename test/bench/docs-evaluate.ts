import { performance } from 'node:perf_hooks';
import type { BenchQuery, QueryKind } from './docs-corpus';

export const round = (value: number) => Math.round(value * 1000) / 1000;

export const percentile = (sorted: number[], p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN);

/**
 * Warm latency (after the warm-up queries, each measured query run once), MRR@10 / Recall@10 per
 * query kind, and the share of queries that found nothing. `search` returns the ids of its first ten hits.
 */
export function evaluate(queries: BenchQuery[], warmUp: BenchQuery[], search: (text: string) => string[]) {
  for (const q of warmUp) search(q.text);
  const times: number[] = [];
  // CPU time per query as well: on a shared, busy machine wall time mostly measures the others. It is
  // the process's time, so V8's background compiler and GC threads count too (it can exceed wall
  // time); process.threadCpuUsage would leave them out, but on these VMs it moves in coarse ticks.
  const cpu: number[] = [];
  const reciprocal: Record<QueryKind, number[]> = { title: [], phrase: [], typo: [], prefix: [] };
  let empty = 0;
  for (const q of queries) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const ids = search(q.text);
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    if (ids.length === 0) empty++;
    const rank = ids.indexOf(q.answer);
    reciprocal[q.kind].push(rank === -1 || rank >= 10 ? 0 : 1 / (rank + 1));
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
  const recall = (values: number[]) => round(values.filter((v) => v > 0).length / Math.max(1, values.length));
  return {
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    cpuP95Ms: percentile(cpu, 0.95),
    titleMRR: mean(reciprocal.title),
    phraseMRR: mean(reciprocal.phrase),
    typoR10: recall(reciprocal.typo),
    prefixR10: recall(reciprocal.prefix),
    noHitShare: round(empty / Math.max(1, queries.length)),
  };
}
