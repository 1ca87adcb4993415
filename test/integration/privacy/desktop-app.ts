import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { composeServices } from '../../../main/compose';
import type { SecretStore } from '../../../main/services/session/secret-store';
import { SettingsService } from '../../../main/services/settings/settings-service';
import { fakeBrowser } from '../../fakes/fake-browser';
import type { TestApi } from '../server/helpers';

export type SentRequest = { url: string; headers: Headers; body: string };

const running: { dispose(): Promise<void> }[] = [];

/** Stops every app a test file composed (timers, feeds, the local database). */
export async function disposeDesktopApps(): Promise<void> {
  for (const services of running.splice(0)) await services.dispose();
}

/**
 * Secrets that "encrypt" to readable text, so a test can plant a canary in the token file and
 * find it there; the real app uses the OS secret store.
 */
const readableSecrets: SecretStore = { backend: () => 'os', encrypt: (plain) => Buffer.from(plain), decrypt: (data) => data.toString('utf8') };

/** Every main-process service, composed as the app composes them, over a temp data folder (or `dataDir`: an app restart), against the live test API. */
export function desktopApp(api: Pick<TestApi, 'url'>, user: { email: string; password: string }, options: { dataDir?: string } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'esd-privacy-'));
  const sent: SentRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, headers: request.headers, body: request.body ? await request.clone().text() : '' });
    return fetch(request);
  };
  const settings = new SettingsService(new Conf({ projectName: 'esd-test', cwd: dataDir, configName: 'settings' }));
  const browser = fakeBrowser(user);
  const relaunches: number[] = [];
  const services = composeServices({
    apiUrl: api.url,
    dataDir,
    fetch: recordingFetch,
    secrets: readableSecrets,
    settings,
    openBrowser: browser.open,
    openExternal: async () => undefined,
    version: '1.2.3',
    platform: 'linux',
    relaunch: () => relaunches.push(Date.now()),
  });
  running.push(services);
  const signIn = async () => {
    await services.session.signIn();
    return services.session.settled();
  };
  return { services, dataDir, sent, signIn, relaunches };
}
