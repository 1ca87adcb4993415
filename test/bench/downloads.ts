import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApiClient } from '../../main/services/api/api-client';
import { DownloadManager } from '../../main/services/downloads';
import { openLocalDatabase } from '../../main/services/local-db/local-database';
import { SoftwareService } from '../../main/services/software/software-service';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import { signInWithPassword } from '../integration/helpers/oauth-flow';

const FILE = { productId: 'svault', fileId: 'svault-301-recovery', size: 1024 * 1024 * 1024 };
const ROUNDS = 3;
const ROOT = resolve(import.meta.dirname, '../..');

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** The reference API in its own process, so the client's RSS is measured alone. */
async function startServer(dir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/cli.ts'), '--port', '0', '--db', join(dir, 'reference-api.sqlite')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Support API listening on (\S+)/.exec(out);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`reference API exited with ${code}`)));
  });
  child.stdout.resume();
  return { url, stop: () => void child.kill('SIGTERM') };
}

async function json(url: string, token: string, method = 'GET', body?: unknown): Promise<unknown> {
  const response = await fetch(url, { method, headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : null });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Alice applies for the restricted product (the demo rule approves after 3 s) and accepts its licence. */
async function grantAccess(url: string, token: string): Promise<void> {
  await json(`${url}/software/applications`, token, 'POST', { productId: FILE.productId, reason: 'Benchmark of the recovery image download', phone: '+49 30 901820' });
  await new Promise((r) => setTimeout(r, 3_200));
  const licence = (await json(`${url}/software/products/${FILE.productId}/licence`, token)) as { version: string };
  await json(`${url}/software/products/${FILE.productId}/licence/acceptance`, token, 'POST', { version: licence.version });
  // First request generates the 1 GiB demo file on the server (not timed).
  const first = await fetch(`${url}/software/files/${FILE.fileId}/download`, { headers: { Authorization: `Bearer ${token}`, Range: 'bytes=0-0' } });
  if (first.status !== 206) throw new Error(`warm-up answered ${first.status}`);
  await first.arrayBuffer();
}

/** The baseline: Node's fetch piped to a file, nothing else (no hashing, no resume, no verification). */
async function plainFetch(url: string, token: string, out: string): Promise<{ seconds: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await fetch(`${url}/software/files/${FILE.fileId}/download`, { headers: { Authorization: `Bearer ${token}` } });
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(out));
  return { seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(cpu) };
}

/** Our download manager with verification on: sha256 while streaming, then the Ed25519-signed manifest. */
async function managed(url: string, token: string, dir: string): Promise<{ seconds: number; cpu: number; peakRss: number; baseRss: number }> {
  mkdirSync(dir, { recursive: true });
  const db = openLocalDatabase(join(dir, 'local.sqlite'));
  const api = new ApiClient({ baseUrl: url, fetch, getAccessToken: async () => token });
  const downloads = new DownloadManager({ db, fetch, baseUrl: url, getAccessToken: async () => token, downloadFolder: () => join(dir, 'Downloads'), quarantineFolder: join(dir, 'q') });
  const software = new SoftwareService({ api, downloads, showItemInFolder: () => undefined, downloadFolder: () => ({ folder: join(dir, 'Downloads'), isDefault: true }) });
  downloads.start();
  global.gc?.();
  const baseRss = process.memoryUsage.rss();
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const job = await software.download(FILE.productId, FILE.fileId);
  const done = await downloads.whenSettled(job.id);
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = cpuSeconds(cpu);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (done.state !== 'passed') throw new Error(`download ended ${done.state}: ${done.message}`);
  await downloads.dispose();
  db.close();
  rmSync(done.finalPath!, { force: true });
  return { seconds, cpu: cpuUsed, peakRss, baseRss };
}

/**
 * Downloads the 1 GiB recovery image from the reference API on loopback, alternately with a plain
 * fetch-to-file stream and with our manager (verification on), ROUNDS times each, and keeps each
 * side's best run (the machine is shared; the best run is the least disturbed one).
 */
export async function benchDownloads(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-downloads-'));
  const server = await startServer(dir);
  try {
    const { access_token: token } = await signInWithPassword(server.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await grantAccess(server.url, token);
    let baseline = Infinity;
    let ours = Infinity;
    let baselineCpu = Infinity;
    let oursCpu = Infinity;
    let rssGrowth = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const out = join(dir, 'baseline.iso');
      const plain = await plainFetch(server.url, token, out);
      baseline = Math.min(baseline, plain.seconds);
      baselineCpu = Math.min(baselineCpu, plain.cpu);
      rmSync(out, { force: true });
      const run = await managed(server.url, token, join(dir, `client-${round}`));
      ours = Math.min(ours, run.seconds);
      oursCpu = Math.min(oursCpu, run.cpu);
      rssGrowth = Math.max(rssGrowth, run.peakRss - run.baseRss);
    }
    const mb = FILE.size / 1e6;
    const round2 = (n: number) => Math.round(n * 100) / 100;
    return {
      ratio: round2(baseline / ours),
      throughputMBps: round2(mb / ours),
      baselineMBps: round2(mb / baseline),
      rssGrowthMiB: round2(rssGrowth / 1024 / 1024),
      // CPU seconds of the client process per GiB: what the machine's load cannot distort much.
      cpuSecondsPerGiB: round2(oursCpu),
      baselineCpuSecondsPerGiB: round2(baselineCpu),
      loadAverage1m: round2(loadavg()[0]!),
      fileMiB: FILE.size / 1024 / 1024,
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
