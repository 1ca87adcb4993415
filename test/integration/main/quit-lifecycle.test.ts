import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedHashVerifier } from '../../../main/services/downloads';
import { Lifecycle } from '../../../main/services/lifecycle';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE } from '../privacy/api-helpers';
import { desktopApp, disposeDesktopApps, readableSecrets } from '../privacy/desktop-app';
import { openAppDatabase } from '../../fakes/app-database';

/**
 * Quitting stops the services in reverse order of building and awaits each: a download running at
 * quit writes where it stopped (state, bytes, ETag) before the local database closes, and the next
 * start resumes it with a Range request instead of starting over.
 */
const FILE = Buffer.alloc(4 * 1024 * 1024, 7);
const FILE_SHA = createHash('sha256').update(FILE).digest('hex');

let api: TestApi;
let files: Server;
let filesUrl: string;
const requests: IncomingHttpHeaders[] = [];
// The first answer sends half the file and then holds the connection open until the test quits the app.
const held: ServerResponse[] = [];
let halfSent: () => void;
const halfSentOnce = new Promise<void>((resolve) => (halfSent = resolve));

beforeAll(async () => {
  api = await startTestApi({ now: Date.now });
  files = createServer((request, response) => {
    requests.push(request.headers);
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    if (range && request.headers['if-range'] === '"v1"') {
      const start = Number(range[1]);
      response.writeHead(206, { etag: '"v1"', 'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}`, 'content-length': String(FILE.length - start) });
      response.end(FILE.subarray(start));
      return;
    }
    response.writeHead(200, { etag: '"v1"', 'content-length': String(FILE.length) });
    response.write(FILE.subarray(0, FILE.length / 2), () => halfSent());
    held.push(response);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
}, 90_000);

afterAll(async () => {
  await disposeDesktopApps();
  for (const response of held) response.destroy();
  await new Promise((resolve) => files.close(resolve));
  await api?.close();
});

function jobRow(dataDir: string, id: string): { state: string; received_bytes: number; etag: string | null; part_path: string } {
  const db = openAppDatabase(dataDir, { readonly: true }, join(dataDir, 'local.sqlite'), readableSecrets);
  try {
    return db.prepare('SELECT state, received_bytes, etag, part_path FROM downloads_jobs WHERE id = ?').get(id) as never;
  } finally {
    db.close();
  }
}

describe('quitting with a download running', () => {
  it('keeps the download resumable: state, bytes and ETag are written before the database closes, and the next start resumes with Range', { timeout: 120_000 }, async () => {
    const first = desktopApp(api, ALICE);
    await first.signIn();
    first.services.downloads.registerVerifier('test', expectedHashVerifier);
    const job = await first.services.downloads.enqueue({ kind: 'test', url: `${filesUrl}/pkg.bin`, fileName: 'pkg.bin', expectedSize: FILE.length, expectedSha256: FILE_SHA });
    await halfSentOnce;
    // Wait until bytes reached the part file (written in batches of 1 MiB), the condition and not a fixed time.
    const partPath = jobRow(first.dataDir, job.id).part_path;
    await expect.poll(() => statSync(partPath, { throwIfNoEntry: false })?.size ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(1024 * 1024);

    await first.services.dispose(); // what the app does on quit

    const stopped = jobRow(first.dataDir, job.id);
    const kept = statSync(partPath).size;
    expect(kept).toBeGreaterThanOrEqual(1024 * 1024);
    expect(stopped).toEqual({ state: 'queued', received_bytes: kept, etag: '"v1"', part_path: partPath });

    const second = desktopApp(api, ALICE, { dataDir: first.dataDir });
    second.services.downloads.registerVerifier('test', expectedHashVerifier);
    await second.signIn();
    expect((await second.services.downloads.whenSettled(job.id)).state).toBe('passed');
    expect(requests.at(-1)).toMatchObject({ range: `bytes=${kept}-`, 'if-range': '"v1"' });
  });
});

describe('the lifecycle', () => {
  it('stops in reverse order of registration, awaits each, keeps going past a failure, and stops once', async () => {
    const order: string[] = [];
    const failures: string[] = [];
    const lifecycle = new Lifecycle((name) => failures.push(name));
    lifecycle.onStop('database', () => order.push('database'));
    lifecycle.onStop('downloads', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      order.push('downloads');
    });
    lifecycle.onStop('broken', () => {
      throw new Error('boom');
    });
    lifecycle.onStop('timers', () => order.push('timers'));
    await Promise.all([lifecycle.stop(), lifecycle.stop()]);
    expect(order).toEqual(['timers', 'downloads', 'database']);
    expect(failures).toEqual(['broken']);
    expect(() => lifecycle.onStop('late', () => undefined)).toThrow(/after the services began to stop/);
  });
});
