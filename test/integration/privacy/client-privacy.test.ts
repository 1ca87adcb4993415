import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelemetryBatchSchema } from '../../../shared/api/privacy';
import { startTestApi, type TestApi } from '../server/helpers';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { ALICE, BERND, CHEN } from './api-helpers';
import { desktopApp, disposeDesktopApps, filesUnder } from './desktop-app';
import { readZip } from './zip-reader';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ now: Date.now })));
afterAll(async () => {
  await disposeDesktopApps();
  await api.close();
});

async function readyExport(app: ReturnType<typeof desktopApp>) {
  const job = await app.services.privacy.createExport();
  for (;;) {
    const current = (await app.services.privacy.exports()).find((e) => e.id === job.id)!;
    if (current.status !== 'pending') return current;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('privacy center in the desktop app', () => {
  it('P5.1 downloads the export through the download manager with its SHA-256 checked, and adds the data on this computer to the same archive', async () => {
    const app = desktopApp(api, ALICE);
    await app.signIn();
    const job = await readyExport(app);
    const downloaded = await app.services.privacy.downloadExport(job.id);
    expect(downloaded.archiveSha256).toBe(job.sha256);
    // Issue 19: the screen showed only the archive's checksum, which the file stops having once the
    // local data is added; the file's own is what a person's sha256sum prints.
    expect(downloaded.fileSha256).toBe(createHash('sha256').update(readFileSync(downloaded.path)).digest('hex'));
    expect(downloaded.fileSha256).not.toBe(job.sha256);
    const history = app.services.downloads.list().find((d) => d.kind === 'privacy-export')!;
    expect(history).toMatchObject({ state: 'passed', sha256: job.sha256, expectedSha256: job.sha256 });

    const files = await readZip(readFileSync(downloaded.path));
    expect([...files.keys()].sort()).toEqual([...downloaded.entries].sort());
    expect(files.has('identity.json') && files.has('manifest.json')).toBe(true);
    expect(JSON.parse(files.get('local-data/settings.json')!.toString())).toMatchObject({ language: 'en' });
    expect(JSON.parse(files.get('local-data/device-data.json')!.toString())).toMatchObject({ tokenStored: true });
    expect(files.has('local-data/database/telemetry_queue.json')).toBe(true);
    // The local part has its own manifest, with a checksum per file.
    const local = JSON.parse(files.get('local-data/manifest.json')!.toString()) as { files: { path: string; sha256: string }[] };
    for (const file of local.files) expect(createHash('sha256').update(files.get(file.path)!).digest('hex')).toBe(file.sha256);
    // The token itself never goes into an archive.
    expect([...files.keys()].some((name) => name.includes('session'))).toBe(false);
  });

  it('P5.1 refuses an export whose SHA-256 is not the one the service listed, with the verdict\'s code for the screen', async () => {
    const app = desktopApp(api, ALICE);
    await app.signIn();
    const job = await readyExport(app);
    api.app.db.prepare('UPDATE privacy_exports SET sha256 = ? WHERE id = ?').run('f'.repeat(64), job.id);
    await expect(app.services.privacy.downloadExport(job.id)).rejects.toMatchObject({
      code: 'server',
      message: /SHA-256 checksum does not match/,
      downloadReason: { code: 'sha256-mismatch', expected: 'f'.repeat(64), actual: job.sha256 },
    });
  });

  it('P3.2 lists what this computer keeps, with sizes, and whether a sign-in token is stored', async () => {
    const app = desktopApp(api, ALICE);
    await app.signIn();
    const data = await app.services.privacy.deviceData();
    expect(data.tokenStored).toBe(true);
    const ids = data.items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining(['settings', 'local-database', 'token']));
    expect(data.items.find((item) => item.id === 'local-database')!.tables.map((t) => t.name)).toContain('telemetry_queue');
    expect(data.totalBytes).toBe(data.items.reduce((sum, item) => sum + item.bytes, 0));
    expect(data.totalBytes).toBeGreaterThan(0);
  });

  it('P3.2 "clear local data" leaves no trace of a canary planted in every store, signs out and restarts the app', async () => {
    const app = desktopApp(api, BERND);
    await app.signIn();
    const canary = `canary-${Date.now().toString(36)}`;
    // Settings, the local database (and its WAL), the token file, caches, a downloaded library, a draft, queued feedback.
    app.services.settings.update({ apiUrl: `https://${canary}.example.com` });
    app.services.localDb.exec(`CREATE TABLE IF NOT EXISTS tickets_canary_drafts (body TEXT)`);
    app.services.localDb.prepare('INSERT INTO tickets_canary_drafts (body) VALUES (?)').run(canary);
    // Documentation feedback waiting to be sent (P2.1), queued as the app queues it offline.
    app.services.docs.feedbackOutbox.enqueue(BERND.id, { library: 'contoso-storage-4-0-en', topicId: 'installation', helpful: false, comment: canary });
    expect(app.services.docs.queuedFeedback()).toBe(1);
    await app.services.profile.update({ job: canary }); // the token file keeps the user's name and e-mail, not the job
    await app.services.session.updateUser({ name: `Bernd ${canary}`, email: BERND.email });
    mkdirSync(join(app.dataDir, 'Cache'), { recursive: true });
    writeFileSync(join(app.dataDir, 'Cache', 'data_1'), canary);
    mkdirSync(join(app.dataDir, 'downloads'), { recursive: true });
    writeFileSync(join(app.dataDir, 'downloads', 'library.zip'), canary);
    mkdirSync(join(app.dataDir, 'tickets-staged'), { recursive: true });
    writeFileSync(join(app.dataDir, 'tickets-staged', 'draft.txt'), canary);
    const planted = filesUnder(app.dataDir).filter((file) => readFileSync(file).toString('latin1').includes(canary));
    expect(planted.map((f) => f.slice(app.dataDir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['Cache/data_1', 'downloads/library.zip', 'session.bin', 'settings.json', 'tickets-staged/draft.txt']),
    );
    // In the database, but never in clear in its files (P6.1: encrypted at rest).
    expect(app.services.localDb.prepare('SELECT count(*) AS n FROM tickets_canary_drafts WHERE body = ?').get(canary)).toEqual({ n: 1 });
    expect(planted.filter((f) => /local\.sqlite/.test(f))).toEqual([]);

    await app.services.clearLocalData();

    expect(app.services.session.get()).toMatchObject({ status: 'signed-out' });
    const left = filesUnder(app.dataDir);
    expect(left.filter((file) => readFileSync(file).toString('latin1').includes(canary))).toEqual([]);
    expect(left.filter((file) => statSync(file).size > 0)).toEqual([]);
    expect(existsSync(join(app.dataDir, 'local.sqlite-wal'))).toBe(false);
    // The relaunch comes once the bridge has answered: wait for it rather than for a fixed time.
    await expect.poll(() => app.relaunches.length).toBe(1);
  });
});

describe('rights requests from the app (P5.3-P5.6)', () => {
  it('P5.6 the app confirms a restriction by signing in again in the browser, and the service completes it', async () => {
    const app = desktopApp(api, CHEN);
    await app.signIn();
    const request = await app.services.privacy.createRequest({ kind: 'restrict' });
    expect(request.status).toBe('confirmation-needed');
    const confirmed = await app.services.privacy.confirmRequest(request.id);
    expect(confirmed).toMatchObject({ id: request.id, status: 'completed' });
    expect(app.services.session.get()).toMatchObject({ status: 'signed-in', user: { email: CHEN.email } });
    expect(await app.services.privacy.recommendations()).toEqual({ status: 'restricted', items: [] });
  });

  it('P5.4 an erasure confirmed from the app ends the session on this computer', async () => {
    const li = DEMO_USERS[3];
    const app = desktopApp(api, li);
    await app.signIn();
    const request = await app.services.privacy.createRequest({ kind: 'erase' });
    expect(await app.services.privacy.confirmRequest(request.id)).toMatchObject({ status: 'completed' });
    await expect(app.services.profile.get()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(app.services.session.get()).toMatchObject({ status: 'signed-out' });
  });
});

describe('anonymous usage statistics in the app (P2.8)', () => {
  it('P2.8 sends usage events only with analytics consent, and no payload carries a user id or personal data', async () => {
    const app = desktopApp(api, ALICE);
    await app.signIn();
    await app.services.privacy.setConsent({ kind: 'analytics', granted: false });
    app.services.telemetry.record('screen.viewed', 'privacy');
    expect(app.services.telemetry.view()).toMatchObject({ consent: false, queued: [], sent: [] });

    await app.services.privacy.setConsent({ kind: 'analytics', granted: true });
    app.services.telemetry.record('screen.viewed', 'privacy');
    await app.services.privacy.createExport();
    await app.services.telemetry.flush();
    await app.services.telemetry.flush();

    const posts = app.sent.filter((r) => r.url.endsWith('/telemetry/events'));
    expect(posts.length).toBeGreaterThan(0);
    const me = await app.services.profile.get();
    const personal = [me.id, me.email, me.name, me.phone, me.contactAddress, me.company.name];
    for (const post of posts) {
      expect(post.headers.get('authorization')).toBeNull();
      const batch = TelemetryBatchSchema.parse(JSON.parse(post.body));
      for (const value of personal) expect(post.body).not.toContain(value);
      for (const event of batch.events) expect(Object.keys(event).every((key) => ['name', 'hour', 'appVersion', 'platform', 'screen'].includes(key))).toBe(true);
    }
    const view = app.services.telemetry.view();
    expect(view.sent.map((s) => s.event.name).sort()).toEqual(['app.started', 'export.requested', 'screen.viewed']);
    expect(view.queued).toEqual([]);
  });
});
