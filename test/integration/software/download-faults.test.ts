import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { softwareDesktop, type SoftwareDesktop } from './desktop';
import { injectFaults, type Faults } from './fault-injection';
import { ALICE, acceptLicence, tokenFor } from './helpers';

const IMG = { productId: 'nwos', fileId: 'nwos-720-img', name: 'nwos-7.2.0-x86_64.img', sha256: 'b75d06e9fd190838967bf68c1754238c656ee59937504b30912ea15a43e90835', size: 6 * 1024 * 1024 };

let api: TestApi;
let faults: Faults;
let token: string;
let app: SoftwareDesktop;
const serverFile = (fileId: string) => join(dirname(api.dbPath), 'software-files', `${fileId}.bin`);
let original: Buffer;

beforeAll(async () => {
  api = await startTestApi({ configure: (server) => void (faults = injectFaults(server)) });
  token = await tokenFor(api.url, ALICE);
  await acceptLicence(api.url, token, 'nwos');
  original = readFileSync(serverFile(IMG.fileId));
});
afterEach(() => app.downloads.dispose());
afterAll(() => api.close());
beforeEach(() => {
  faults.log.length = 0;
  writeFileSync(serverFile(IMG.fileId), original);
  api.app.db.prepare("UPDATE software_files SET name = ?, size = ? WHERE id = ?").run(IMG.name, IMG.size, IMG.fileId);
  app = softwareDesktop(api.url, token);
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
async function downloadImage(desktop = app) {
  const job = await desktop.software.download(IMG.productId, IMG.fileId);
  return desktop.downloads.whenSettled(job.id);
}
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

describe('resumable downloads through proxies that cut connections', () => {
  it('resumes a connection dropped mid-file with Range and If-Range, and the file passes', async () => {
    faults.dropAfter = 2 * 1024 * 1024;
    const job = await downloadImage();
    expect(job).toMatchObject({ state: 'passed', sha256: IMG.sha256 });
    expect(faults.log).toHaveLength(2);
    const resumed = faults.log[1]!;
    expect(resumed.range).toMatch(/^bytes=\d+-$/);
    expect(Number(resumed.range!.slice(6, -1))).toBeGreaterThan(0);
    expect(resumed.ifRange).toMatch(/^".+"$/);
    expect(resumed.status).toBe(206);
    expect(sha256(job.finalPath!)).toBe(IMG.sha256);
    expect(job.message).toMatch(/signed manifest/);
    expect(job.reason).toEqual({ code: 'signed-manifest-match', sha256: IMG.sha256, version: '7.2.0' });
  });

  it('starts again from zero when the file changed on the server between attempts (new ETag)', async () => {
    faults.dropAfter = 1024 * 1024;
    const watcher = app.downloads.onDidChange.on(() => undefined);
    const stop = app.downloads.onProgress.on(() => {
      // After the drop, make the server's file "new" (same bytes, new modification time, so a new ETag).
      if (faults.log.length === 1 && faults.dropAfter === null) utimesSync(serverFile(IMG.fileId), new Date(), new Date(Date.now() + 60_000));
    });
    const job = await downloadImage();
    stop();
    watcher();
    expect(faults.log[1]).toMatchObject({ status: 200 });
    expect(faults.log[1]!.range).toBeDefined();
    expect(job).toMatchObject({ state: 'passed', receivedBytes: IMG.size });
    expect(sha256(job.finalPath!)).toBe(IMG.sha256);
  });

  it('restarts cleanly when a proxy answers 200 to a range request', async () => {
    faults.dropAfter = 3 * 1024 * 1024;
    faults.ignoreRangeOnce = true;
    // ignoreRangeOnce only bites a request that carries a Range: the first one does not.
    const job = await downloadImage();
    expect(faults.log.map((entry) => entry.status)).toEqual([200, 200]);
    expect(job.state).toBe('passed');
    expect(sha256(job.finalPath!)).toBe(IMG.sha256);
  });

  it('starts over once after a 416 and still delivers a verified file', async () => {
    faults.dropAfter = 1024 * 1024;
    faults.answer416Once = true;
    const job = await downloadImage();
    expect(faults.log.map((entry) => entry.status)).toEqual([200, 416, 200]);
    expect(faults.log[2]!.range).toBeUndefined();
    expect(job.state).toBe('passed');
  });

  it('resumes after the download service is torn down mid-file and started again (app restart)', async () => {
    faults.stallAfter = 2 * 1024 * 1024 + 5;
    const job = await app.software.download(IMG.productId, IMG.fileId);
    await new Promise<void>((resolve) => {
      const off = app.downloads.onProgress.on((p) => p.receivedBytes >= 1024 * 1024 && (off(), resolve()));
    });
    await app.downloads.dispose();
    expect(app.downloads.get(job.id).state).toBe('queued');
    const restarted = app.restart();
    // The job and its history come back from the local database.
    expect(restarted.software.downloadViews().map((d) => d.id)).toEqual([job.id]);
    const done = await restarted.downloads.whenSettled(job.id);
    expect(done.state).toBe('passed');
    expect(Number(faults.log.at(-1)!.range!.slice(6, -1))).toBeGreaterThanOrEqual(1024 * 1024);
    expect(sha256(done.finalPath!)).toBe(IMG.sha256);
  });

  it('runs at most the configured number of downloads at once; the next one waits in the queue', async () => {
    const one = softwareDesktop(api.url, token, { concurrency: 1 });
    faults.stallAfter = 1024 * 1024;
    const first = await one.software.download(IMG.productId, IMG.fileId);
    await new Promise<void>((resolve) => {
      const off = one.downloads.onProgress.on((p) => p.receivedBytes >= 1024 * 1024 && (off(), resolve()));
    });
    const second = await one.software.download('nwos', 'nwos-714-img');
    expect(one.downloads.get(second.id).state).toBe('queued');
    await one.downloads.pause(first.id);
    expect((await one.downloads.whenSettled(second.id)).state).toBe('passed');
    await one.downloads.resume(first.id);
    expect((await one.downloads.whenSettled(first.id)).state).toBe('passed');
    expect(one.software.downloadViews().map((d) => [d.fileName, d.state])).toEqual([
      ['nwos-7.1.4-x86_64.img', 'passed'],
      [IMG.name, 'passed'],
    ]);
  });

  it('waits, queued, while nobody is signed in, and continues after sign-in', async () => {
    await app.downloads.suspend();
    const job = await app.software.download(IMG.productId, IMG.fileId);
    expect(app.downloads.get(job.id).state).toBe('queued');
    expect(faults.log).toEqual([]);
    app.downloads.start();
    expect((await app.downloads.whenSettled(job.id)).state).toBe('passed');
  });

  it('continues a download the ended session stopped (401) at the next sign-in', async () => {
    let current = 'revoked-token';
    const desktop = softwareDesktop(api.url, token, { getAccessToken: async () => current });
    const job = await desktop.software.download(IMG.productId, IMG.fileId);
    expect(await desktop.downloads.whenSettled(job.id)).toMatchObject({ state: 'error', errorCode: 'unauthorized' });
    current = token;
    desktop.downloads.start();
    expect((await desktop.downloads.whenSettled(job.id)).state).toBe('passed');
  });

  it('pauses, resumes from the same byte and can be cancelled, leaving no part file', async () => {
    faults.stallAfter = 1024 * 1024;
    const job = await app.software.download(IMG.productId, IMG.fileId);
    await new Promise<void>((resolve) => {
      const off = app.downloads.onProgress.on((p) => p.receivedBytes >= 1024 * 1024 && (off(), resolve()));
    });
    const paused = await app.downloads.pause(job.id);
    expect(paused).toMatchObject({ state: 'paused', receivedBytes: 1024 * 1024 });
    await app.downloads.resume(job.id);
    expect((await app.downloads.whenSettled(job.id)).state).toBe('passed');
    expect(faults.log.at(-1)!.range).toBe(`bytes=${1024 * 1024}-`);

    faults.stallAfter = 1024 * 1024;
    const second = await app.software.download(IMG.productId, IMG.fileId);
    await new Promise<void>((resolve) => {
      const off = app.downloads.onProgress.on((p) => p.id === second.id && p.receivedBytes > 0 && (off(), resolve()));
    });
    expect((await app.downloads.cancel(second.id)).state).toBe('cancelled');
    expect(existsSync(second.partPath)).toBe(false);
  });
});

describe('verification: PASS only for the exact file the vendor signed', () => {
  it('FAILs a file with one corrupted byte, quarantines it and never puts it at the final path', async () => {
    const corrupted = Buffer.from(original);
    corrupted[123_456]! ^= 0x01;
    writeFileSync(serverFile(IMG.fileId), corrupted);
    const job = await downloadImage();
    expect(job.state).toBe('failed');
    expect(job.reason).toMatchObject({ code: 'sha256-mismatch', expected: IMG.sha256, actual: sha256(job.quarantinePath!) });
    expect(job.message).toMatch(/SHA-256 checksum does not match: expected b75d06e9/);
    expect(job.finalPath).toBeNull();
    expect(filesIn(app.downloadFolder)).toEqual([]);
    expect(existsSync(job.quarantinePath!)).toBe(true);
  });

  it('FAILs a truncated file (the server sends fewer bytes than the manifest lists)', async () => {
    truncateSync(serverFile(IMG.fileId), IMG.size - 1000);
    const job = await downloadImage();
    expect(job.state).toBe('failed');
    expect(job.reason).toEqual({ code: 'size-mismatch', actual: IMG.size - 1000, expected: IMG.size });
    expect(job.message).toMatch(/6290456 ≠ 6291456 bytes/);
    expect(filesIn(app.downloadFolder)).toEqual([]);
  });

  it('FAILs when the manifest lists another size than the file has', async () => {
    api.app.db.prepare('UPDATE software_files SET size = ? WHERE id = ?').run(IMG.size + 10, IMG.fileId);
    const job = await downloadImage();
    expect(job.state).toBe('failed');
    expect(job.reason).toEqual({ code: 'size-mismatch', actual: IMG.size, expected: IMG.size + 10 });
    expect(job.message).toMatch(/6291466 bytes/);
  });

  it('stops a server that sends more than the listed size at that size, and FAILs the file', async () => {
    api.app.db.prepare('UPDATE software_files SET size = ? WHERE id = ?').run(IMG.size - 1000, IMG.fileId);
    const job = await downloadImage();
    expect(job.state).toBe('failed');
    expect(job.reason).toEqual({ code: 'oversize', expected: IMG.size - 1000 });
    expect(job.message).toMatch(/more than the 6290456 bytes/);
    expect(statSync(job.quarantinePath!).size).toBeLessThanOrEqual(IMG.size - 1000);
    expect(filesIn(app.downloadFolder)).toEqual([]);
  });

  it('FAILs when the manifest signature does not verify against the pinned vendor key', async () => {
    faults.breakSignature = true;
    const job = await downloadImage();
    expect(job.state).toBe('failed');
    expect(job.reason).toEqual({ code: 'bad-signature' });
    expect(job.message).toMatch(/not signed by the vendor key/);
    expect(filesIn(app.downloadFolder)).toEqual([]);
  });

  it('FAILs a correctly signed manifest from another vendor than the one configured', async () => {
    const other = softwareDesktop(api.url, token, { vendorPublicKey: Buffer.alloc(32, 9).toString('base64') });
    const job = await downloadImage(other);
    expect(job.state).toBe('failed');
    expect(job.reason).toEqual({ code: 'bad-signature' });
  });
});

describe('safe file names and disk space', () => {
  it.each([
    ['../../x', 'x'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['evil\u202Egpj.exe', 'evilgpj.exe'],
    [`${'a'.repeat(300)}.img`, `${'a'.repeat(196)}.img`],
  ])('saves the server name %j as %j inside the download folder', async (hostile, expected) => {
    api.app.db.prepare('UPDATE software_files SET name = ? WHERE id = ?').run(hostile, IMG.fileId);
    const job = await downloadImage();
    expect(job.state).toBe('passed');
    expect(job.finalPath).toBe(join(app.downloadFolder, expected));
    expect(filesIn(dirname(app.downloadFolder)).sort()).toEqual(['Downloads', 'local.sqlite', 'local.sqlite-shm', 'local.sqlite-wal']);
  });

  it('never overwrites an existing file: a second download gets "name (1)"', async () => {
    const first = await downloadImage();
    const second = await downloadImage();
    expect(second.finalPath).toBe(join(app.downloadFolder, 'nwos-7.2.0-x86_64 (1).img'));
    expect(sha256(first.finalPath!)).toBe(IMG.sha256);
  });

  // /dev/full answers every write with ENOSPC: a disk that fills up during the download (Linux, as on CI).
  it.runIf(existsSync('/dev/full'))('stops with a plain "disk full" message when the disk fills up during the download', async () => {
    await app.downloads.suspend();
    const job = await app.software.download(IMG.productId, IMG.fileId);
    symlinkSync('/dev/full', job.partPath);
    app.downloads.start();
    expect(await app.downloads.whenSettled(job.id)).toMatchObject({ state: 'error', errorCode: 'storage', message: /disk became full/ });
  });

  it('refuses before starting when the disk has not enough free space', async () => {
    const full = softwareDesktop(api.url, token, { statfs: async () => ({ bavail: 100, bsize: 4096 }) });
    await expect(full.software.download(IMG.productId, IMG.fileId)).rejects.toMatchObject({ code: 'storage', message: /Not enough free disk space/ });
    expect(faults.log).toEqual([]);
    expect(full.downloads.list()).toEqual([]);
    expect(filesIn(full.downloadFolder)).toEqual([]);
  });
});
