import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/bridge/handlers';
import { createDispatcher, type SenderInfo } from '../../../main/bridge/registrar';
import { ExportManifestSchema, type ExportJob } from '../../../shared/api/privacy';
import { startTestApi, type TestApi } from '../server/helpers';
import { CHEN } from './api-helpers';
import { desktopApp, disposeDesktopApps } from './desktop-app';
import { readZip } from './zip-reader';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ now: Date.now })));
afterAll(async () => {
  await disposeDesktopApps();
  await api.close();
});

const APP: SenderInfo = { url: 'app://bundle/index.html', isTopFrame: true };

describe('selective export in the desktop app (P5.1)', () => {
  it('P5.1 through the bridge (Electron binary mocked), an empty choice is a typed validation error that creates nothing, and a chosen category is all the downloaded archive holds', async () => {
    const app = desktopApp(api, CHEN);
    await app.signIn();
    const dispatch = createDispatcher({ handlers: createHandlers(app.services), isTrustedOrigin: (url) => url.startsWith('app://bundle/') });

    expect(await dispatch('privacy.createExport', { categories: [] }, APP)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('privacy.createExport', { categories: ['no-such-category'] }, APP)).toMatchObject({ ok: false, error: { code: 'validation' } });
    await expect(app.services.privacy.createExport({ categories: [] })).rejects.toMatchObject({ code: 'validation', message: 'Choose at least one category to export.' });
    expect(await app.services.privacy.exports()).toEqual([]);

    const created = (await dispatch('privacy.createExport', { categories: ['account'] }, APP)) as { ok: true; value: ExportJob };
    expect(created.ok).toBe(true);
    let job = created.value;
    while (job.status === 'pending') {
      await new Promise((resolve) => setTimeout(resolve, 25));
      job = (await app.services.privacy.exports()).find((e) => e.id === created.value.id)!;
    }
    const downloaded = await app.services.privacy.downloadExport(job.id);
    const files = await readZip(await readFile(downloaded.path));
    const manifest = ExportManifestSchema.parse(JSON.parse(files.get('manifest.json')!.toString()));
    expect(manifest.categories).toEqual(['account']);
    expect(files.has('account.json')).toBe(true);
    expect(files.has('identity.json')).toBe(false);
    expect(files.has('service-requests.json')).toBe(false);
  });
});
