import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportJobSchema, ExportManifestSchema } from '../../../shared/api/privacy';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, CHEN, signedIn, type Caller } from './api-helpers';
import { plantAttachment, plantTicket } from './plant-data';
import { readZip } from './zip-reader';
import { waitForExport } from './api-helpers';

let api: TestApi;
let alice: Caller;
beforeAll(async () => {
  api = await startTestApi();
  alice = await signedIn(api, ALICE);
});
afterAll(() => api.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function exportOf(caller: Caller) {
  const created = await caller.request('POST', '/privacy/exports');
  expect(created.status).toBe(202);
  const job = ExportJobSchema.parse(created.body);
  expect(job.status).toBe('pending');
  return { job, done: await waitForExport(caller, job.id) };
}

describe('export (P5.1)', () => {
  it('P5.1 the export is a ZIP with one JSON file per category, CSV for tabular ones and a manifest with the SHA-256 of each file', async () => {
    const planted = plantTicket(api.app.db, ALICE, 3);
    plantAttachment(api.app.db, planted, 'router log');
    await alice.request('PUT', '/privacy/consents', { kind: 'analytics', granted: true });
    const { job, done } = await exportOf(alice);
    expect(done.status).toBe('ready');
    expect(Date.parse(job.expiresAt) - Date.parse(job.createdAt)).toBe(7 * 24 * 3600 * 1000);

    const download = await alice.request('GET', `/privacy/exports/${job.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(sha256(download.bytes)).toBe(done.sha256);
    expect(download.headers.get('x-content-sha256')).toBe(done.sha256);
    expect(download.bytes.length).toBe(done.size);

    const files = await readZip(download.bytes);
    const manifest = ExportManifestSchema.parse(JSON.parse(files.get('manifest.json')!.toString()));
    expect(manifest.userId).toBe(ALICE.id);
    for (const entry of manifest.files) expect(sha256(files.get(entry.path)!), entry.path).toBe(entry.sha256);
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    expect(files.has('sign-in-history.csv')).toBe(true);
    expect(files.has('identity.csv')).toBe(false);

    const identity = JSON.parse(files.get('identity.json')!.toString());
    expect(identity).toEqual([expect.objectContaining({ email: ALICE.email, name: ALICE.name })]);
    const signIns = JSON.parse(files.get('sign-in-history.json')!.toString()) as { method: string }[];
    expect(signIns.map((s) => s.method)).toEqual(expect.arrayContaining(['social:github', 'password']));
    const csv = files.get('sign-in-history.csv')!.toString().split('\r\n');
    expect(csv[0]).toBe('at,ip,method,thirdParty');
    expect(csv.filter(Boolean).length).toBe(signIns.length + 1);
    const tickets = JSON.parse(files.get('service-requests.json')!.toString()) as { id: string; comments: unknown[]; attachments: unknown[]; contact: { email: string } }[];
    // Found by id: another request of the user may have the same creation time and sort after it.
    const request = tickets.find((ticket) => ticket.id === planted);
    expect(request).toMatchObject({ contact: { email: ALICE.email }, requesterIp: '198.51.100.23' });
    expect(request!.comments).toHaveLength(3);
    expect(request).toMatchObject({ attachments: [{ name: 'router-log.txt', size: 10, sha256: 'a'.repeat(64) }] });
    const consents = JSON.parse(files.get('consents.json')!.toString());
    expect(consents).toEqual([expect.objectContaining({ kind: 'analytics', newValue: true })]);
  });

  it('P5.1 a CSV cell that a spreadsheet would run as a formula is defused', async () => {
    await alice.request('PATCH', '/me', { name: 'Alice Becker' });
    api.app.db.prepare(`INSERT INTO sign_in_events (id, user_id, at, ip, method) VALUES ('f-1', ?, ?, '127.0.0.1', '=HYPERLINK("x")')`).run(ALICE.id, api.clock.now());
    api.clock.advance(1000);
    const { job } = await exportOf(alice);
    const files = await readZip((await alice.request('GET', `/privacy/exports/${job.id}/download`)).bytes);
    expect(files.get('sign-in-history.csv')!.toString()).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('P6.2 an export can be downloaded only by its owner and disappears after 7 days', async () => {
    const { job } = await exportOf(alice);
    const chen = await signedIn(api, CHEN);
    expect((await chen.request('GET', `/privacy/exports/${job.id}`)).status).toBe(404);
    expect((await chen.request('GET', `/privacy/exports/${job.id}/download`)).status).toBe(404);
    expect(((await chen.get('/privacy/exports')) as { exports: unknown[] }).exports).toEqual([]);

    api.clock.advance(7 * 24 * 3600 * 1000 - 1);
    // Access tokens last 15 minutes: sign in again, as the user would a week later.
    const fresh = await signedIn(api, ALICE);
    expect((await fresh.request('GET', `/privacy/exports/${job.id}/download`)).status).toBe(200);
    api.clock.advance(1);
    expect((await fresh.request('GET', `/privacy/exports/${job.id}/download`)).status).toBe(404);
    expect(((await fresh.get('/privacy/exports')) as { exports: { id: string }[] }).exports.map((e) => e.id)).not.toContain(job.id);
  });
});
