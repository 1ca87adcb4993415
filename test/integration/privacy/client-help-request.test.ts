import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/bridge/handlers';
import { createDispatcher, type SenderInfo } from '../../../main/bridge/registrar';
import type { MyData } from '../../../shared/api/privacy';
import { startTestApi, type TestApi } from '../server/helpers';
import { BERND } from './api-helpers';
import { desktopApp, disposeDesktopApps } from './desktop-app';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ now: Date.now })));
afterAll(async () => {
  disposeDesktopApps();
  await api.close();
});

const APP: SenderInfo = { url: 'app://bundle/index.html', isTopFrame: true };

describe('"help me get this" (P1.2)', () => {
  it('P1.2 through the bridge, a person who cannot get a package gives e-mail, address and phone for an engineer: the service keeps exactly those, shown in My data; a bad phone changes nothing', async () => {
    const app = desktopApp(api, BERND);
    await app.signIn();
    const dispatch = createDispatcher({ handlers: createHandlers(app.services), isTrustedOrigin: (url) => url.startsWith('app://bundle/') });
    const contact = { email: 'bernd.help@example.com', phone: '+49 30 901820', address: 'Hauptstr. 5, 10115 Berlin' };

    const refused = await dispatch('software.requestHelp', { productId: 'nwos', problem: 'failed', message: 'x', ...contact, phone: 'call me' }, APP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });

    const answer = await dispatch('software.requestHelp', { productId: 'nwos', fileId: 'nwos-720-img', problem: 'failed', message: 'The download stops at 40 %.', ...contact }, APP);
    expect(answer).toMatchObject({ ok: true });

    const myData = (await dispatch('privacy.myData', undefined, APP)) as { ok: true; value: MyData };
    const help = myData.value.categories.find((c) => c.id === 'software')!.records.filter((r) => r.kind === 'help-request');
    expect(help).toHaveLength(1);
    expect(help[0]).toMatchObject({ product: 'NW-OS Router Firmware', file: 'nwos-7.2.0-x86_64.img', problem: 'failed', ...contact, status: 'open' });
    // Issue 13: the product and the file by their names, never their catalogue ids.
    expect(Object.values(help[0]!)).not.toContain('nwos');
    expect(Object.values(help[0]!)).not.toContain('nwos-720-img');
  });
});
