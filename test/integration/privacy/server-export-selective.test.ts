import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportJobSchema, ExportManifestSchema } from '../../../shared/api/privacy';
import { availableCategories } from '../../../server/privacy/categories';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, signedIn, waitForExport, type Caller } from './api-helpers';
import { readZip } from './zip-reader';

let api: TestApi;
let alice: Caller;
beforeAll(async () => {
  api = await startTestApi();
  alice = await signedIn(api, ALICE);
});
afterAll(() => api.close());

/** Exports with this body (none: no body at all) and returns the archive's files and manifest. */
async function archiveOf(body?: unknown) {
  const created = await alice.request('POST', '/privacy/exports', body);
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const job = ExportJobSchema.parse(created.body);
  expect((await waitForExport(alice, job.id)).status).toBe('ready');
  const files = await readZip((await alice.request('GET', `/privacy/exports/${job.id}/download`)).bytes);
  return { files, manifest: ExportManifestSchema.parse(JSON.parse(files.get('manifest.json')!.toString())) };
}

const exportCount = () => (api.app.db.prepare('SELECT COUNT(*) AS n FROM privacy_exports').get() as { n: number }).n;

describe('selective export (P5.1)', () => {
  it('P5.1 an export of chosen categories holds only their files, and its manifest lists exactly those categories', async () => {
    const { files, manifest } = await archiveOf({ categories: ['sign-in-history', 'identity'] });
    expect(manifest.categories).toEqual(['identity', 'sign-in-history']);
    expect(new Set(manifest.files.map((file) => file.category))).toEqual(new Set(['identity', 'sign-in-history', 'disclosures']));
    expect([...files.keys()].filter((path) => path.endsWith('.json') && path !== 'manifest.json' && path !== 'disclosures.json').sort()).toEqual(['identity.json', 'sign-in-history.json']);
    expect(files.has('service-requests.json')).toBe(false);
    expect(files.has('consents.json')).toBe(false);
    expect(JSON.parse(files.get('identity.json')!.toString())).toEqual([expect.objectContaining({ email: ALICE.email })]);
    // Only disclosures that shared a chosen category come along.
    const disclosures = JSON.parse(files.get('disclosures.json')!.toString()) as { dataCategories: string[] }[];
    for (const record of disclosures) expect(record.dataCategories.some((id) => id === 'identity' || id === 'sign-in-history')).toBe(true);
  });

  it('P5.1 with no choice sent, the export still holds every category the service keeps, and the manifest says so', async () => {
    const { files, manifest } = await archiveOf();
    expect(manifest.categories).toEqual(availableCategories(api.app.db).map((category) => category.info.id));
    expect(manifest.categories.length).toBeGreaterThan(5);
    for (const id of manifest.categories) expect(files.has(`${id}.json`), id).toBe(true);
    expect(files.has('service-requests.json')).toBe(true);
    expect((await archiveOf({})).manifest.categories).toEqual(manifest.categories);
  });

  it('P5.1 an unknown category or an empty choice is refused with 400 and a clear error, and no export job is created', async () => {
    const before = exportCount();
    const unknown = await alice.request('POST', '/privacy/exports', { categories: ['identity', 'browsing-history'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('Not a known category of data');
    const empty = await alice.request('POST', '/privacy/exports', { categories: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('Choose at least one category');
    const repeated = await alice.request('POST', '/privacy/exports', { categories: ['identity', 'identity'] });
    expect(repeated.status).toBe(400);
    expect(exportCount()).toBe(before);
  });
});
