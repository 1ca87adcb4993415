import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DOCS_MIGRATIONS } from '../../main/services/docs/docs-schema';
import { importInWorker } from '../../main/services/docs/importer';
import { applyMigrations, openLocalDatabase } from '../../main/services/local-db/local-database';
import { round } from './docs-evaluate';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run docs -- --db <file> import <folder>` as a person runs it: wall time from spawn to exit
 * (npm, tsx, the worker and the writes included) and the peak resident memory of the largest
 * process of the tree (VmHWM, read from /proc while it runs).
 */
export async function importWithCli(dbFile: string, folder: string): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number }> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'docs', '--', '--db', dbFile, 'import', folder], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of processTree(child.pid!)) {
      const kb = peakRssKb(pid);
      if (kb > (peaks.get(pid) ?? 0)) peaks.set(pid, kb);
    }
  };
  const sampler = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`npm run docs -- import ${folder} failed (exit ${code}): ${output.trim().slice(-500)}`);
  return { seconds: round(seconds), cpuSeconds: round(childrenCpuSeconds() - cpuBefore), peakRssMb: Math.round(Math.max(0, ...peaks.values()) / 1024) };
}

/**
 * CPU time of this process's finished children (cutime + cstime of /proc/self/stat, which include
 * their own waited-for children): on a machine shared with other work, the import's CPU seconds
 * say more about the importer than its wall time.
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
  // After "pid (comm) ", cutime and cstime are fields 14 and 15 (0-based), in ticks of 1/100 s on Linux.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function processTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim();
      if (children) pids.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process has just exited
    }
  }
  return pids;
}

function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * The app's view of an import: the same worker the app starts, with this thread's event-loop delay
 * (p99) sampled while the worker parses and writes, as the app's main process would feel it.
 */
export async function importInApp(dbFile: string, dataDir: string, folder: string): Promise<{ seconds: number; eventLoopP99Ms: number; progressReports: number }> {
  const db = openLocalDatabase(dbFile);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  db.close();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let progressReports = 0;
  delay.enable();
  const started = performance.now();
  await importInWorker(dbFile, dataDir, { kind: 'folder', dir: folder }, () => progressReports++);
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  return { seconds: round(seconds), eventLoopP99Ms: round(delay.percentile(99) / 1e6), progressReports };
}
