import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../main/compose';
import { readPolicy } from '../../main/services/policy/policy-sources';
import { NO_SERVICE_URL } from '../../main/services/service-config/service-plan';
import { checkServiceAtStart, startService, type DemoApi, type ServiceStartup } from '../../main/services/service-config/service-startup';
import { openSettings } from '../../main/services/settings/settings-file';
import { startEmbeddedApi } from '../../server/embedded';
import { startUntrustedTlsServer } from '../integration/helpers/untrusted-tls-server';
import { newDataFolder } from './helpers/damaged-folder';

const secrets = { backend: () => 'os' as const, encrypt: (plain: string) => Buffer.from(plain), decrypt: (data: Buffer) => data.toString('utf8') };
let running: { services?: Services; demo?: DemoApi | null }[] = [];
afterEach(async () => {
  for (const run of running) {
    run.services?.dispose();
    await run.demo?.close();
  }
  running = [];
});

/**
 * main/index.ts's start-up in the same order (policy, settings, service decision, composeServices),
 * with conf standing in for electron-store and plain functions for app.relaunch and the embedded
 * API's dynamic import: the Electron binary is absent here.
 */
async function startLikeMain(dataDir: string, options: { policyRoot?: string; buildDefaultUrl?: string | null; demoBuiltIn?: boolean; demoFlag?: boolean; saved?: Record<string, unknown> } = {}) {
  if (options.saved) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings: options.saved, schemaVersion: 6 }));
  const { policy } = await readPolicy({ platform: 'linux', root: options.policyRoot ?? newDataFolder('esd-no-policy-') });
  const { settings, store, recoveryNotices } = openSettings(dataDir, () => new Conf({ projectName: 'esd-startup', cwd: dataDir, configName: 'settings' }), policy);
  const restarts: string[] = [];
  const startup = await startService({
    policy,
    settings,
    store,
    buildDefaultUrl: options.buildDefaultUrl ?? null,
    startDemoApi: options.demoBuiltIn ? () => startEmbeddedApi(join(dataDir, 'demo')) : undefined,
    demoFlag: options.demoFlag ?? false,
    restart: () => restarts.push('relaunch'),
  });
  const services = composeServices({ apiUrl: startup.apiUrl, dataDir, fetch: globalThis.fetch, secrets, settings, openBrowser: async () => undefined, openExternal: async () => undefined, version: '1.0.0', platform: 'linux', recoveryNotices, policy, service: startup.service, ...(startup.demo ? { embeddedDemoAccount: startup.demo.demoAccount } : {}) });
  running.push({ services, demo: startup.demo });
  return { startup, services, restarts, settings };
}

let untrusted: Awaited<ReturnType<typeof startUntrustedTlsServer>>;
let untrustedUrl: string;
beforeAll(async () => {
  untrusted = await startUntrustedTlsServer();
  untrustedUrl = untrusted.url;
});
afterAll(() => untrusted.close());

describe('issue 14: the start-up service decision (Electron binary absent: main/index.ts steps with fakes for electron-store, relaunch and the demo import)', { timeout: 60_000 }, () => {
  it('a saved http://evil.example does not stop the start: no service is used and the first screen is Settings with the reason', async () => {
    const { startup, services } = await startLikeMain(newDataFolder(), { saved: { apiUrl: 'http://evil.example' } });
    expect(startup.plan).toMatchObject({ kind: 'unconfigured', problem: { code: 'insecure_url', url: 'http://evil.example' } });
    expect(startup.apiUrl).toBe(NO_SERVICE_URL);
    expect(services.service.status()).toMatchObject({ source: 'none', url: null, problem: { code: 'insecure_url' } });
    // The app is usable: settings still change.
    expect(services.settings.update({ theme: 'dark' }).theme).toBe('dark');
  });

  it('a first run of an installed build (no policy, nothing saved, no build default, no demo built in) asks for the service', async () => {
    const { startup, services } = await startLikeMain(newDataFolder());
    expect(startup.plan).toEqual({ kind: 'unconfigured' });
    expect(services.service.status()).toEqual({ source: 'none', url: null, demoAvailable: false, managedSettings: [] });
    expect(() => services.service.startDemo()).toThrowError(expect.objectContaining({ code: 'forbidden' }));
  });

  it('policy wins over Settings and the build default, and locks the address', async () => {
    const policyRoot = newDataFolder('esd-policy-root-');
    mkdirSync(join(policyRoot, 'etc', 'enterprise-support-desktop'), { recursive: true });
    writeFileSync(join(policyRoot, 'etc', 'enterprise-support-desktop', 'policy.json'), JSON.stringify({ ApiUrl: 'https://support.corp.example', LockedSettings: ['theme'] }));
    const { startup, services } = await startLikeMain(newDataFolder(), { policyRoot, saved: { apiUrl: 'https://mine.example' }, buildDefaultUrl: 'https://vendor.example' });
    expect(startup.plan).toEqual({ kind: 'remote', url: 'https://support.corp.example', source: 'policy' });
    expect(services.service.status().managedSettings.sort()).toEqual(['apiUrl', 'theme']);
    expect(() => services.service.connect('https://other.example')).toThrowError(expect.objectContaining({ code: 'forbidden' }));
  });

  it('Settings win over the build default; the build default applies when nothing is saved', async () => {
    expect((await startLikeMain(newDataFolder(), { saved: { apiUrl: 'https://mine.example' }, buildDefaultUrl: 'https://vendor.example' })).startup.plan).toEqual({ kind: 'remote', url: 'https://mine.example', source: 'settings' });
    expect((await startLikeMain(newDataFolder(), { buildDefaultUrl: 'https://vendor.example/' })).startup.plan).toEqual({ kind: 'remote', url: 'https://vendor.example', source: 'build' });
  });

  it('"Try the demo" saves the choice and restarts; the next start runs the embedded reference API, which answers', async () => {
    const dataDir = newDataFolder();
    const first = await startLikeMain(dataDir, { demoBuiltIn: true });
    expect(first.services.service.status()).toMatchObject({ source: 'none', demoAvailable: true });
    first.services.service.startDemo();
    expect(first.restarts).toEqual(['relaunch']);
    await first.services.dispose();
    running = running.filter((run) => run.services !== first.services);

    const second = await startLikeMain(dataDir, { demoBuiltIn: true });
    expect(second.startup.plan).toEqual({ kind: 'demo' });
    expect(second.services.appInfo()).toMatchObject({ embeddedApi: true, demoAccount: { email: expect.stringMatching(/@/) } });
    expect((await second.services.network.check()).online).toBe(true);
  });

  it('connecting from the first-run screen refuses http to a remote host with a typed error, and saves a good address and restarts', async () => {
    const { services, restarts, settings } = await startLikeMain(newDataFolder());
    expect(() => services.service.connect('http://evil.example')).toThrowError(expect.objectContaining({ code: 'insecure_url' }));
    expect(restarts).toEqual([]);
    services.service.connect('https://support.example.com/api/');
    expect(settings.saved().apiUrl).toBe('https://support.example.com/api');
    expect(restarts).toEqual(['relaunch']);
  });

  it('a saved address with an untrusted certificate (a real TLS server on loopback) opens on Settings with the reason', async () => {
    const { startup, services } = await startLikeMain(newDataFolder(), { saved: { apiUrl: untrustedUrl } });
    expect(startup.plan).toMatchObject({ kind: 'remote', source: 'settings' });
    await checkServiceAtStart(startup as ServiceStartup, () => services.desktop.diagnose(), () => false);
    expect(services.service.status().problem).toMatchObject({ code: 'tls', url: untrustedUrl, detail: expect.stringMatching(/self-signed|SELF_SIGNED/i) });
  });

  it('an unreachable saved address before anyone signed in opens on Settings with the reason, and the user may go on', async () => {
    const { startup, services } = await startLikeMain(newDataFolder(), { saved: { apiUrl: 'https://127.0.0.1:9' } });
    await checkServiceAtStart(startup, () => services.desktop.diagnose(), () => false);
    expect(services.service.status().problem).toMatchObject({ code: 'unreachable' });
    services.service.dismissProblem();
    expect(services.service.status().problem).toBeUndefined();
  });
});
