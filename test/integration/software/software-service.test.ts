import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessApplication } from '../../../shared/api/software';
import { startTestApi, type TestApi } from '../server/helpers';
import { softwareDesktop } from './desktop';
import { ALICE, BERND, CHEN, call, tokenFor } from './helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

describe('the software service the bridge calls', () => {
  it('tells the user when a pending application is decided, without them asking again (P2.2)', async () => {
    const app = softwareDesktop(api.url, await tokenFor(api.url, CHEN));
    const decided: AccessApplication[] = [];
    app.software.onApplicationDecided.on((a) => decided.push(a));
    const application = await app.software.apply({ productId: 'svault', reason: 'Replacing a failed controller in rack 12', phone: '+86 10 6552 9988' });
    expect(application.status).toBe('pending');
    api.clock.advance(3_000);
    await expect.poll(() => decided.length).toBe(1);
    expect(decided[0]).toMatchObject({ id: application.id, status: 'approved' });
    app.software.stop();
  });

  it('picks up pending applications at sign-in, so a decision is announced even if the Software screen is never opened (P2.2)', async () => {
    const token = await tokenFor(api.url, BERND);
    await call(api.url, '/software/applications', token, { method: 'POST', body: { productId: 'svault', reason: 'Firmware audit for the Munich site', phone: '+49 89 2180' } });
    const app = softwareDesktop(api.url, token);
    const decided: AccessApplication[] = [];
    app.software.onApplicationDecided.on((a) => decided.push(a));
    await app.software.followSession(true);
    expect(decided).toEqual([]);
    api.clock.advance(3_000);
    await expect.poll(() => decided.map((a) => a.status)).toEqual(['approved']);
    await app.software.followSession(false);
  });

  it('asks for the licence before the first download of a product, then downloads, verifies and shows the file', async () => {
    const app = softwareDesktop(api.url, await tokenFor(api.url, ALICE));
    await expect(app.software.download('toolkit', 'toolkit-240-win')).rejects.toMatchObject({ code: 'conflict', message: /licence/ });
    const licence = await app.software.licence('toolkit');
    await app.software.acceptLicence('toolkit', licence.version);
    const job = await app.software.download('toolkit', 'toolkit-240-win');
    expect((await app.downloads.whenSettled(job.id)).state).toBe('passed');
    const [view] = app.software.downloadViews();
    expect(view).toMatchObject({ id: job.id, state: 'passed', productName: 'Support Toolkit CLI', version: '2.4.0', fileName: 'toolkit-2.4.0-windows-x64.zip' });
    await app.software.showInFolder(job.id);
    expect(app.shown).toEqual([view!.finalPath]);
  });

  it('refuses a restricted file before the application is approved, and never lists or touches other domains’ downloads', async () => {
    const app = softwareDesktop(api.url, await tokenFor(api.url, ALICE));
    await expect(app.software.download('svault', 'svault-301-ctrl')).rejects.toMatchObject({ code: 'forbidden' });
    const other = await app.downloads.enqueue({ kind: 'docs', url: '/software/files/toolkit-240-linux/download', fileName: 'lib.zip', expectedSize: 524365 });
    expect(app.software.downloadViews().map((d) => d.id)).not.toContain(other.id);
    expect(() => app.software.softwareJob(other.id)).toThrow(/not in the list/);
    await expect(app.software.showInFolder(other.id)).rejects.toMatchObject({ code: 'not_found' });
    await app.downloads.dispose();
  });
});
