import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
export const readableSecrets: SecretStore = { backend: () => 'os', encrypt: (plain) => Buffer.from(plain), decrypt: (data) => data.toString('utf8') };

/** Every main-process service, composed as the app composes them, over a temp data folder (or `dataDir`: an app restart), against the live test API. */
export function desktopApp(api: Pick<TestApi, 'url'>, user: { email: string; password: string }, options: { dataDir?: string; secrets?: SecretStore; keepLocalDataWithoutKeyring?: boolean } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'esd-privacy-'));
  const sent: SentRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, headers: request.headers, body: request.body ? await request.clone().text() : '' });
    return fetch(request);
  };
  const settings = new SettingsService(new Conf({ projectName: 'esd-test', cwd: dataDir, configName: 'settings' }));
  if (options.keepLocalDataWithoutKeyring !== undefined) settings.update({ keepLocalDataWithoutKeyring: options.keepLocalDataWithoutKeyring });
  const browser = fakeBrowser(user);
  const relaunches: number[] = [];
  const services = composeServices({
    apiUrl: api.url,
    dataDir,
    fetch: recordingFetch,
    secrets: options.secrets ?? readableSecrets,
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

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

/** Every file under the folder whose raw bytes hold the text (UTF-8, as SQLite and JSON store it). */
export const filesHolding = (dir: string, text: string) => filesUnder(dir).filter((file) => readFileSync(file).toString('latin1').includes(text));
