import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../integration/server/helpers';
import { softwareDesktop, type SoftwareDesktop } from '../integration/software/desktop';
import { injectFaults, type Faults } from '../integration/software/fault-injection';
import { ALICE, acceptLicence, tokenFor } from '../integration/software/helpers';
import { fillDisk, mountTmpfs } from './tmpfs';

const IMG = { productId: 'nwos', fileId: 'nwos-720-img', name: 'nwos-7.2.0-x86_64.img', sha256: 'b75d06e9fd190838967bf68c1754238c656ee59937504b30912ea15a43e90835' };

let api: TestApi;
let faults: Faults;
let token: string;
let disk: { unmount(): void } | undefined;
let app: SoftwareDesktop | undefined;

beforeAll(async () => {
  api = await startTestApi({ configure: (server) => void (faults = injectFaults(server)) });
  token = await tokenFor(api.url, ALICE);
  await acceptLicence(api.url, token, IMG.productId);
});
afterAll(async () => {
  await app?.downloads.dispose();
  app?.db.close();
  disk?.unmount();
  await api.close();
});

it('the download folder fills up mid-file (24 MB tmpfs): the job stops with a clear storage error, the part file holds exactly its counted bytes, nothing is at the final name, and it completes once space is freed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'esd-fault-fulldisk-'));
  const downloads = join(dir, 'Downloads');
  // Room for the file and the manager's 16 MB reserve when it is queued; the disk fills afterwards.
  disk = mountTmpfs(downloads, 24);
  let filler: string | undefined;
  faults.dropAfter = 1024 * 1024 + 4096;
  app = softwareDesktop(api.url, token, {
    dir,
    // The connection drops after the first MB; before the retry, something else fills the disk.
    sleep: async () => void (filler ??= fillDisk(downloads, 256 * 1024)),
  });

  const queued = await app.software.download(IMG.productId, IMG.fileId);
  const stopped = await app.downloads.whenSettled(queued.id);

  expect(stopped).toMatchObject({ state: 'error', errorCode: 'storage', message: 'The disk became full during the download. Free some space, then resume it.' });
  expect(readdirSync(downloads).sort()).toEqual([`.${queued.id}.part`, 'filler.bin']);
  expect(statSync(join(downloads, `.${queued.id}.part`)).size).toBe(stopped.receivedBytes);

  rmSync(filler!);
  const resumed = await app.downloads.resume(queued.id);
  const done = await app.downloads.whenSettled(resumed.id);
  expect(done.state).toBe('passed');
  expect(createHash('sha256').update(readFileSync(done.finalPath!)).digest('hex')).toBe(IMG.sha256);
  expect(readdirSync(downloads)).toEqual([IMG.name]);
});
