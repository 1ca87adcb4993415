import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE } from '../integration/privacy/api-helpers';
import { desktopApp, disposeDesktopApps } from '../integration/privacy/desktop-app';
import { plantTicket } from '../integration/privacy/plant-data';
import { startTestApi, type TestApi } from '../integration/server/helpers';
import { injectFaults, type Faults } from '../integration/software/fault-injection';
import { call, tokenFor } from '../integration/software/helpers';
import { runChild, until, type Child } from './child-process';

let api: TestApi;
let faults: Faults;
let token: string;
let child: Child | undefined;

beforeAll(async () => {
  api = await startTestApi({ configure: (server) => void (faults = injectFaults(server, /^\/privacy\/exports\/[^/]+\/download/)) });
  // A service request with a long description that does not compress: an export of a few MB, more
  // than one write batch of the download manager, so a cut leaves bytes on disk.
  const ticket = plantTicket(api.app.db, ALICE);
  api.app.db.prepare('UPDATE tickets SET description = ? WHERE id = ?').run(randomBytes(2 * 1024 * 1024).toString('base64'), ticket);
  token = await tokenFor(api.url, ALICE);
});
afterAll(() => api.close());
beforeEach(() => void (faults.log.length = 0));
afterEach(async () => {
  await child?.kill9();
  child = undefined;
  await disposeDesktopApps();
});

async function readyExport(): Promise<{ id: string; sha256: string; size: number }> {
  const { id } = (await (await call(api.url, '/privacy/exports', token, { method: 'POST' })).json()) as { id: string };
  for (;;) {
    const job = (await (await call(api.url, `/privacy/exports/${id}`, token)).json()) as { status: string; sha256: string; size: number };
    if (job.status !== 'pending') return { id, sha256: job.sha256, size: job.size };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('privacy export downloads resume (live server, real files)', () => {
  it('the export route answers a Range with 206 and the archive SHA-256 as ETag; a stale If-Range gets the whole archive', async () => {
    const job = await readyExport();
    const whole = await call(api.url, `/privacy/exports/${job.id}/download`, token);
    expect(whole.headers.get('etag')).toBe(`"${job.sha256}"`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const body = Buffer.from(await whole.arrayBuffer());
    const rest = await call(api.url, `/privacy/exports/${job.id}/download`, token, { headers: { Range: 'bytes=1000-', 'If-Range': `"${job.sha256}"` } });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 1000-${job.size - 1}/${job.size}`);
    expect(Buffer.from(await rest.arrayBuffer()).equals(body.subarray(1000))).toBe(true);
    const stale = await call(api.url, `/privacy/exports/${job.id}/download`, token, { headers: { Range: 'bytes=1000-', 'If-Range': '"another"' } });
    expect(stale.status).toBe(200);
    expect(Number(stale.headers.get('content-length'))).toBe(job.size);
    await stale.body?.cancel();
  });

  it('a stopped export download is listed with the bytes it has, and "resume" continues from there with Range', async () => {
    const job = await readyExport();
    const app = desktopApp(api, ALICE);
    await app.signIn();
    // The connection drops after about 1 MB, and the retry is refused: the download stops in error.
    faults.dropAfter = 1024 * 1024 + 4096;
    faults.refuseNextRangeWith = 403;
    faults.log.length = 0;
    await expect(app.services.privacy.downloadExport(job.id)).rejects.toMatchObject({ code: 'forbidden' });

    const listed = (await app.services.privacy.exports()).find((e) => e.id === job.id)!;
    expect(listed.download).toMatchObject({ state: 'error', totalBytes: job.size });
    const kept = listed.download!.receivedBytes;
    expect(kept).toBeGreaterThanOrEqual(1024 * 1024);

    const done = await app.services.privacy.downloadExport(job.id);
    expect(faults.log.at(-1)).toMatchObject({ range: `bytes=${kept}-`, status: 206 });
    expect(done.archiveSha256).toBe(job.sha256);
    expect(done.fileSha256).toBe(sha256(done.path));
    expect((await app.services.privacy.exports()).find((e) => e.id === job.id)!.download).toBeNull();
    // One job, one file: the resume did not start a second download.
    expect(app.services.downloads.list().filter((d) => d.kind === 'privacy-export')).toHaveLength(1);
  });

  it('kill -9 of the client mid-download: the restarted app continues the export with Range, and it completes with the local data added', async () => {
    const job = await readyExport();
    const dataDir = mkdtempSync(join(tmpdir(), 'esd-fault-export-'));
    const downloads = join(dataDir, 'downloads');
    faults.stallAfter = 1024 * 1024 + 4096;
    child = runChild('export-download.ts', { ESD_API_URL: api.url, ESD_DIR: dataDir, ESD_EMAIL: ALICE.email, ESD_PASSWORD: ALICE.password, ESD_EXPORT_ID: job.id });
    const part = await until(() => {
      const name = existsSync(downloads) ? readdirSync(downloads).find((file) => file.endsWith('.part')) : undefined;
      return name && statSync(join(downloads, name)).size > 0 ? join(downloads, name) : undefined;
    }, 'the first export bytes on disk');
    await child.kill9();
    const kept = statSync(part).size;
    faults.log.length = 0;

    const app = desktopApp(api, ALICE, { dataDir });
    await app.signIn();
    const done = await app.services.privacy.downloadExport(job.id);

    expect(faults.log[0]).toMatchObject({ range: `bytes=${kept}-`, status: 206 });
    expect(done.archiveSha256).toBe(job.sha256);
    expect(done.entries).toContain('local-data/manifest.json');
    expect(readdirSync(downloads)).toEqual([done.path.slice(downloads.length + 1)]);
  });
});
