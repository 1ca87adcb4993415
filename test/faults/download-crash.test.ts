import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../integration/server/helpers';
import { softwareDesktop, type SoftwareDesktop } from '../integration/software/desktop';
import { injectFaults, type Faults } from '../integration/software/fault-injection';
import { ALICE, acceptLicence, tokenFor } from '../integration/software/helpers';
import { runChild, until, type Child } from './child-process';

const IMG = { productId: 'nwos', fileId: 'nwos-720-img', name: 'nwos-7.2.0-x86_64.img', sha256: 'b75d06e9fd190838967bf68c1754238c656ee59937504b30912ea15a43e90835' };

let api: TestApi;
let faults: Faults;
let token: string;
let dir: string;
let child: Child | undefined;
let restarted: SoftwareDesktop | undefined;

beforeAll(async () => {
  api = await startTestApi({ configure: (server) => void (faults = injectFaults(server)) });
  token = await tokenFor(api.url, ALICE);
  await acceptLicence(api.url, token, IMG.productId);
});
afterAll(() => api.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'esd-fault-download-'));
  faults.log.length = 0;
});
afterEach(async () => {
  await child?.kill9();
  await restarted?.downloads.dispose();
  restarted?.db.close();
  child = restarted = undefined;
});

const downloadsIn = () => join(dir, 'Downloads');
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const startClient = (fault = '') =>
  runChild('software-download.ts', { ESD_API_URL: api.url, ESD_TOKEN: token, ESD_DIR: dir, ESD_PRODUCT: IMG.productId, ESD_FILE: IMG.fileId, ESD_FAULT: fault });

/** The app started again on the killed client's data folder; it picks up the job left behind. */
async function restartAndSettle() {
  restarted = softwareDesktop(api.url, token, { dir });
  const [job] = restarted.downloads.list();
  return restarted.downloads.whenSettled(job!.id);
}

describe('kill -9 of the client during a download (real child process, live server)', () => {
  it('killed before its first progress save, the restart keeps the bytes on disk and asks for the rest with Range', async () => {
    // The server sends just over one write batch, then holds the connection: the kill lands while the
    // first bytes are on disk and the client's clock has not reached its first 1-second save.
    faults.stallAfter = 1024 * 1024 + 4096;
    child = startClient();
    const part = await until(() => {
      const name = filesIn(downloadsIn()).find((file) => file.endsWith('.part'));
      return name && statSync(join(downloadsIn(), name)).size > 0 ? join(downloadsIn(), name) : undefined;
    }, 'the first bytes in the part file');
    await child.kill9();
    const partBytes = statSync(part).size;
    faults.log.length = 0;

    const job = await restartAndSettle();

    expect(faults.log[0]).toMatchObject({ range: `bytes=${partBytes}-`, status: 206 });
    expect(faults.log).toHaveLength(1);
    expect(job.state).toBe('passed');
    expect(sha256(job.finalPath!)).toBe(IMG.sha256);
  });

  it('killed inside the PASS move (file linked, part not yet removed), the restart finishes the job at the first name: one copy, nothing downloaded again', async () => {
    child = startClient('pass-move');
    await child.waitForLine(/^PAUSED/);
    await child.kill9();
    const left = filesIn(downloadsIn());
    expect(left).toHaveLength(2);
    expect(left).toContain(IMG.name);
    faults.log.length = 0;

    const job = await restartAndSettle();

    expect(job).toMatchObject({ state: 'passed', finalPath: join(downloadsIn(), IMG.name), sha256: IMG.sha256 });
    expect(filesIn(downloadsIn())).toEqual([IMG.name]);
    expect(faults.log).toEqual([]);
    expect(sha256(job.finalPath!)).toBe(IMG.sha256);
  });

  it('killed after the part file was removed but before the job was marked passed, the restart checks the file at its final name and finishes there', async () => {
    child = startClient('pass-move');
    await child.waitForLine(/^PAUSED/);
    await child.kill9();
    // The kill one step later: the unlink had happened too.
    const part = filesIn(downloadsIn()).find((name) => name.endsWith('.part'))!;
    unlinkSync(join(downloadsIn(), part));
    faults.log.length = 0;

    const job = await restartAndSettle();

    expect(job).toMatchObject({ state: 'passed', finalPath: join(downloadsIn(), IMG.name) });
    expect(filesIn(downloadsIn())).toEqual([IMG.name]);
    expect(faults.log).toEqual([]);
  });
});
