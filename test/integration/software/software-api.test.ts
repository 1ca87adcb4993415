import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignedManifest, DEMO_VENDOR_PUBLIC_KEY } from '../../../main/services/software/manifest-verifier';
import { CatalogueSchema, type SoftwareFile } from '../../../shared/api/software';
import { startTestApi, type TestApi } from '../server/helpers';
import { ADMIN_KEY, ALICE, BERND, CHEN, acceptLicence, call, tokenFor } from './helpers';

let api: TestApi;
let alice: string;
let bernd: string;
let chen: string;
beforeAll(async () => {
  api = await startTestApi({ softwareAdminKey: ADMIN_KEY });
  [alice, bernd, chen] = await Promise.all([tokenFor(api.url, ALICE), tokenFor(api.url, BERND), tokenFor(api.url, CHEN)]);
});
afterAll(() => api.close());

async function catalogueFiles(token?: string): Promise<Map<string, SoftwareFile>> {
  const body = CatalogueSchema.parse(await (await call(api.url, '/software/catalogue', token)).json());
  return new Map(body.products.flatMap((p) => p.releases.flatMap((r) => r.files)).map((f) => [f.id, f]));
}

const apply = (token: string, reason = 'Field upgrade of StorageVault arrays at our Berlin site') =>
  call(api.url, '/software/applications', token, { method: 'POST', body: { productId: 'svault', reason, phone: '+49 30 901820' } });

describe('software catalogue and downloads on the reference API', () => {
  it('lists products, versions and files with size, sha256 and each caller’s access state', async () => {
    const anonymous = await catalogueFiles();
    expect(anonymous.get('toolkit-240-linux')).toMatchObject({ accessLevel: 'public', access: 'granted', size: 512 * 1024 + 77 });
    expect(anonymous.get('nwos-720-img')).toMatchObject({ accessLevel: 'registered', access: 'sign_in' });
    expect(anonymous.get('svault-301-ctrl')).toMatchObject({ accessLevel: 'restricted', access: 'sign_in' });
    const mine = await catalogueFiles(chen);
    expect(mine.get('nwos-720-img')?.access).toBe('granted');
    expect(mine.get('svault-301-ctrl')?.access).toBe('apply');
  });

  it('filters the catalogue by product, version and search text', async () => {
    const body = CatalogueSchema.parse(await (await call(api.url, '/software/catalogue?productId=nwos&version=7.1.4')).json());
    expect(body.products.map((p) => p.releases.map((r) => r.version))).toEqual([['7.1.4']]);
    const search = CatalogueSchema.parse(await (await call(api.url, '/software/catalogue?q=.iso')).json());
    expect(search.products.flatMap((p) => p.releases.flatMap((r) => r.files.map((f) => f.name)))).toEqual(['svault-3.0.1-recovery.iso']);
    expect((await call(api.url, `/software/catalogue?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('serves the generated demo files with the catalogue’s sha256, streamed with ETag and byte ranges', async () => {
    const response = await call(api.url, '/software/files/toolkit-240-linux/download');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('b448efe7f6196b8845c6ac7c900729b79450edaa8bca9ba055a60edc8815d12f');
    const etag = response.headers.get('etag')!;
    const ranged = await call(api.url, '/software/files/toolkit-240-linux/download', undefined, { headers: { Range: 'bytes=1000-', 'If-Range': etag } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 1000-${bytes.length - 1}/${bytes.length}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(1000))).toBe(true);
    const stale = await call(api.url, '/software/files/toolkit-240-linux/download', undefined, { headers: { Range: 'bytes=1000-', 'If-Range': '"old"' } });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();
    const beyond = await call(api.url, '/software/files/toolkit-240-linux/download', undefined, { headers: { Range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('signs each release manifest with the vendor key the client pins', async () => {
    const body = await (await call(api.url, '/software/releases/nwos-7.2.0/manifest')).json();
    const manifest = verifySignedManifest(body, DEMO_VENDOR_PUBLIC_KEY);
    expect(manifest?.files.map((f) => f.name)).toEqual(['nwos-7.2.0-release-notes.txt', 'nwos-7.2.0-x86_64.img']);
    const otherVendor = Buffer.alloc(32, 7).toString('base64');
    expect(verifySignedManifest(body, otherVendor)).toBeNull();
  });

  it('refuses registered files to anonymous callers (401) and before the licence is accepted (403)', async () => {
    expect((await call(api.url, '/software/files/nwos-720-img/download')).status).toBe(401);
    expect((await call(api.url, '/software/files/nwos-720-img/download', 'not-a-token')).status).toBe(401);
    const before = await call(api.url, '/software/files/nwos-720-img/download', bernd);
    expect(before.status).toBe(403);
    expect(((await before.json()) as { error: { message: string } }).error.message).toMatch(/licence/);
    await acceptLicence(api.url, bernd, 'nwos');
    const after = await call(api.url, '/software/files/nwos-720-img/download', bernd, { headers: { Range: 'bytes=0-9' } });
    expect(after.status).toBe(206);
    expect((await after.arrayBuffer()).byteLength).toBe(10);
  });

  it('records a licence acceptance once per product and version, and refuses an outdated version', async () => {
    expect((await call(api.url, '/software/products/toolkit/licence/acceptance', chen, { method: 'POST', body: { version: '0.9' } })).status).toBe(409);
    await acceptLicence(api.url, chen, 'toolkit');
    const licence = (await (await call(api.url, '/software/products/toolkit/licence', chen)).json()) as { acceptedAt: string | null };
    expect(licence.acceptedAt).not.toBeNull();
    const others = (await (await call(api.url, '/software/products/toolkit/licence', alice)).json()) as { acceptedAt: string | null };
    expect(others.acceptedAt).toBeNull();
  });
});

describe('access applications for restricted software (P1.4, P2.2)', () => {
  it('needs a reason and a phone number, and changes nothing on bad input (P1.4)', async () => {
    const bad = await call(api.url, '/software/applications', alice, { method: 'POST', body: { productId: 'svault', reason: '', phone: 'call me' } });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['phone', 'reason']);
    const list = (await (await call(api.url, '/software/applications', alice)).json()) as { applications: unknown[] };
    expect(list.applications).toEqual([]);
  });

  it('is pending, then decided by the documented demo rule, and the applicant sees the result (P2.2)', async () => {
    const created = (await (await apply(alice)).json()) as { id: string; status: string };
    expect(created.status).toBe('pending');
    expect((await catalogueFiles(alice)).get('svault-301-ctrl')?.access).toBe('pending');
    expect((await call(api.url, '/software/files/svault-301-ctrl/download', alice)).status).toBe(403);
    expect((await apply(alice)).status).toBe(409);
    api.clock.advance(3_000);
    const decided = (await (await call(api.url, `/software/applications/${created.id}`, alice)).json()) as { status: string; decidedAt: string | null };
    expect(decided).toMatchObject({ status: 'approved' });
    expect(decided.decidedAt).not.toBeNull();
    await acceptLicence(api.url, alice, 'svault');
    expect((await call(api.url, '/software/files/svault-301-ctrl/download', alice, { headers: { Range: 'bytes=0-0' } })).status).toBe(206);
  });

  it('rejects a too-short reason with the reason for the rejection', async () => {
    const created = (await (await apply(chen, 'need it')).json()) as { id: string };
    api.clock.advance(3_000);
    const decided = (await (await call(api.url, `/software/applications/${created.id}`, chen)).json()) as { status: string; decisionReason: string };
    expect(decided.status).toBe('rejected');
    expect(decided.decisionReason).toMatch(/describe the equipment/);
    expect((await catalogueFiles(chen)).get('svault-301-ctrl')?.access).toBe('rejected');
  });

  it('lets an admin with the admin key approve or reject, and hides the route from everyone else', async () => {
    const created = (await (await apply(bernd, 'short')).json()) as { id: string };
    const path = `/admin/software/applications/${created.id}/decision`;
    expect((await call(api.url, path, bernd, { method: 'POST', body: { status: 'approved' } })).status).toBe(404);
    expect((await call(api.url, path, undefined, { method: 'POST', body: { status: 'approved' }, headers: { 'X-Admin-Key': 'wrong' } })).status).toBe(404);
    expect((await call(api.url, path, undefined, { method: 'POST', body: { status: 'rejected' }, headers: { 'X-Admin-Key': ADMIN_KEY } })).status).toBe(400);
    const ok = await call(api.url, path, undefined, { method: 'POST', body: { status: 'approved' }, headers: { 'X-Admin-Key': ADMIN_KEY } });
    expect(ok.status).toBe(200);
    api.clock.advance(3_000);
    const decided = (await (await call(api.url, `/software/applications/${created.id}`, bernd)).json()) as { status: string };
    expect(decided.status).toBe('approved');
  });
});

describe('per-user authorization of the software routes', () => {
  it('shows an application only to its owner: other users, other companies and anonymous callers get 404/401', async () => {
    const mine = (await (await call(api.url, '/software/applications', alice)).json()) as { applications: { id: string }[] };
    const id = mine.applications[0]!.id;
    expect((await call(api.url, `/software/applications/${id}`, alice)).status).toBe(200);
    expect((await call(api.url, `/software/applications/${id}`, bernd)).status).toBe(404); // same company
    expect((await call(api.url, `/software/applications/${id}`, chen)).status).toBe(404); // other company
    expect((await call(api.url, `/software/applications/${id}`)).status).toBe(401);
    const bernds = (await (await call(api.url, '/software/applications', bernd)).json()) as { applications: { id: string }[] };
    expect(bernds.applications.map((a) => a.id)).not.toContain(id);
  });

  it('gives restricted files only to users with their own approved application', async () => {
    // Alice is approved; Chen (other company) was rejected; Li Na never applied.
    const li = await tokenFor(api.url, { email: 'li.na@contoso.example', password: 'support-demo-2026-li' });
    await acceptLicence(api.url, chen, 'svault');
    await acceptLicence(api.url, li, 'svault');
    expect((await call(api.url, '/software/files/svault-301-ctrl/download', alice, { headers: { Range: 'bytes=0-0' } })).status).toBe(206);
    expect((await call(api.url, '/software/files/svault-301-ctrl/download', chen)).status).toBe(403);
    expect((await call(api.url, '/software/files/svault-301-ctrl/download', li)).status).toBe(403);
    expect((await call(api.url, '/software/files/svault-301-ctrl/download')).status).toBe(401);
  });

  it('keeps licence acceptances and help requests per user, and requires sign-in for them', async () => {
    expect((await call(api.url, '/software/products/nwos/licence')).status).toBe(401);
    expect((await call(api.url, '/software/products/nwos/licence/acceptance', undefined, { method: 'POST', body: { version: '2026.1' } })).status).toBe(401);
    expect((await call(api.url, '/software/help-requests')).status).toBe(401);
    expect((await call(api.url, '/software/applications', undefined, { method: 'POST', body: {} })).status).toBe(401);
  });
});

describe('"help me get this" requests (P1.2)', () => {
  const help = { productId: 'svault', fileId: 'svault-301-ctrl', problem: 'refused', message: 'Needed for an outage', email: 'chen.wei@contoso.example', phone: '+86 10 6552 9988', address: '1 Jianguomenwai Avenue, Beijing' };

  it('records the contact details so an engineer can reach the user, visible only to that user', async () => {
    const created = await call(api.url, '/software/help-requests', chen, { method: 'POST', body: help });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ ...help, status: 'open' });
    const own = (await (await call(api.url, '/software/help-requests', chen)).json()) as { helpRequests: unknown[] };
    expect(own.helpRequests).toHaveLength(1);
    const others = (await (await call(api.url, '/software/help-requests', alice)).json()) as { helpRequests: unknown[] };
    expect(others.helpRequests).toEqual([]);
  });

  it('refuses missing contact details or a file of another product, storing nothing', async () => {
    const noPhone = await call(api.url, '/software/help-requests', bernd, { method: 'POST', body: { ...help, phone: '' } });
    expect(noPhone.status).toBe(400);
    const wrongFile = await call(api.url, '/software/help-requests', bernd, { method: 'POST', body: { ...help, fileId: 'nwos-720-img' } });
    expect(wrongFile.status).toBe(400);
    const own = (await (await call(api.url, '/software/help-requests', bernd)).json()) as { helpRequests: unknown[] };
    expect(own.helpRequests).toEqual([]);
  });
});
