import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFileList, parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/contract/desktop-contract';
import { UpdateService, type UpdaterAdapter } from '../../../main/services/desktop/update-service';

const GENUINE = Buffer.alloc(256 * 1024, 7);
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/** A generic update feed on loopback, as electron-builder publishes it: latest.yml beside the artifact. */
let served: Buffer = GENUINE;
let server: Server;
let feedUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/latest.yml') {
      res.end(`version: 1.2.0\nfiles:\n  - url: Enterprise-Support-Desktop-1.2.0.AppImage\n    sha512: ${sha512(GENUINE)}\n    size: ${GENUINE.length}\npath: Enterprise-Support-Desktop-1.2.0.AppImage\nsha512: ${sha512(GENUINE)}\nreleaseDate: '2026-11-20T10:00:00.000Z'\n`);
    } else if (req.url === '/Enterprise-Support-Desktop-1.2.0.AppImage') {
      res.writeHead(200, { 'Content-Length': served.length }).end(served);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Stands in for electron-updater's download (which needs Electron's net module): reads latest.yml
 * with electron-updater's own parser and downloads the artifact with progress. It records installs.
 */
function feedAdapter() {
  const installs: Array<{ file: string; restartNow: boolean }> = [];
  const downloads: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'esd-update-'));
  let fileUrl = '';
  const adapter: UpdaterAdapter = {
    async check() {
      const info = parseUpdateInfo(await (await fetch(new URL('latest.yml', feedUrl))).text(), 'latest.yml', new URL('latest.yml', feedUrl));
      const file = getFileList(info)[0]!;
      fileUrl = new URL(file.url, feedUrl).toString();
      return info.version === '0.1.0' ? null : { version: info.version, sha512: file.sha512, size: file.size };
    },
    async download(onProgress) {
      const response = await fetch(fileUrl);
      const total = Number(response.headers.get('content-length'));
      const target = join(dir, 'update.AppImage');
      const out = createWriteStream(target);
      let received = 0;
      for await (const chunk of response.body!) {
        out.write(chunk);
        received += (chunk as Uint8Array).length;
        onProgress((received / total) * 100);
      }
      await new Promise((resolve) => out.end(resolve));
      downloads.push(target);
      return target;
    },
    install: (file, restartNow) => void installs.push({ file, restartNow }),
  };
  return { adapter, installs, downloads };
}

function watch(service: UpdateService) {
  const states: UpdateStatus[] = [];
  service.onDidChange.on((status) => states.push(status));
  return states;
}

describe('updates from a generic feed', () => {
  it('checks, downloads with progress, verifies and installs on restart', async () => {
    served = GENUINE;
    const { adapter, installs } = feedAdapter();
    const service = new UpdateService(adapter);
    const states = watch(service);
    expect(await service.check()).toEqual({ state: 'available', version: '1.2.0' });
    expect(await service.download()).toEqual({ state: 'ready', version: '1.2.0' });
    const percents = states.flatMap((s) => (s.state === 'downloading' ? [s.percent] : []));
    expect(percents.at(-1)).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(installs).toEqual([{ file: expect.any(String), restartNow: false }]);
    await service.restartAndInstall();
    expect(installs.at(-1)).toMatchObject({ restartNow: true });
  });

  it('never installs a tampered artifact: same size, different bytes, deleted after the check fails', async () => {
    served = Buffer.from(GENUINE);
    served[1000] = 0x66;
    const { adapter, installs, downloads } = feedAdapter();
    const service = new UpdateService(adapter);
    await service.check();
    expect(await service.download()).toEqual({ state: 'failed', reason: 'verification', detail: 'sha512' });
    expect(installs).toEqual([]);
    expect(downloads).toHaveLength(1);
    expect(existsSync(downloads[0]!)).toBe(false);
    await expect(service.restartAndInstall()).rejects.toMatchObject({ code: 'conflict' });
    expect(installs).toEqual([]);
  });

  it('never installs a truncated artifact', async () => {
    served = GENUINE.subarray(0, GENUINE.length - 10);
    const { adapter, installs } = feedAdapter();
    const service = new UpdateService(adapter);
    await service.check();
    expect(await service.download()).toMatchObject({ state: 'failed', reason: 'verification' });
    expect(installs).toEqual([]);
  });

  it('refuses to install a verified file that was replaced on disk before the restart', async () => {
    served = GENUINE;
    const { adapter, installs } = feedAdapter();
    const service = new UpdateService(adapter);
    await service.check();
    await service.download();
    const file = installs[0]!.file;
    writeFileSync(file, Buffer.alloc(GENUINE.length, 9));
    await expect(service.restartAndInstall()).rejects.toMatchObject({ code: 'conflict' });
    expect(installs.filter((i) => i.restartNow)).toEqual([]);
    expect(service.get()).toMatchObject({ state: 'failed', reason: 'verification' });
    expect(existsSync(file)).toBe(false);
  });

  it('is off without an updater (development builds and the preview)', async () => {
    const service = new UpdateService(null);
    expect(await service.check()).toEqual({ state: 'disabled' });
    await expect(service.download()).rejects.toMatchObject({ code: 'conflict' });
  });
});
