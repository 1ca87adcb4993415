import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import { startEmbeddedApi } from '../../server/embedded';
import { forwardEvents } from '../bridge/events';
import { createHandlers } from '../bridge/handlers';
import { createDispatcher, type Dispatch } from '../bridge/registrar';
import type { RecoveryItem } from '../../shared/contract/recovery-contract';
import { composeServices } from '../compose';
import { memoryOnlySecretStore } from '../services/session/secret-store';
import { readPolicy } from '../services/policy/policy-sources';
import { checkServiceAtStart, startService, type ServiceStartup } from '../services/service-config/service-startup';
import { openSettings } from '../services/settings/settings-file';
import { startPreviewServer } from './preview-server';
import { levelFromEnvironment, openLogFile } from '../services/logging/log-files';

export interface PreviewOptions {
  dataDir: string;
  port?: number;
  /** The built preview bundle (vite.preview.config.ts). */
  staticRoot?: string;
  /** Use this API instead of starting the embedded one. */
  apiUrl?: string;
  /** false: start as an installed build's first run would (no demo unless the user picks it). Default true, as `npm start`. */
  demo?: boolean;
  /** Where enterprise policy is read from (etc/enterprise-support-desktop/policy.json under it); none by default. */
  policyRoot?: string;
  log?: (line: string) => void;
}

/**
 * The browser preview: the real services and the real dispatcher, with Node's fetch, an in-memory
 * token store and a browser tab standing in for the Electron window and the system browser.
 */
export async function startPreview(options: PreviewOptions) {
  const log = options.log ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });
  const { policy } = options.policyRoot ? await readPolicy({ platform: 'linux', root: options.policyRoot }) : { policy: undefined };
  const { settings, store, recoveryNotices } = openSettings(options.dataDir, () => new Conf({ projectName: 'enterprise-support-desktop', cwd: options.dataDir, configName: 'settings' }), policy);
  // The same decision as the app (policy, Settings, demo, build default), with the demo always available here.
  const decide = () =>
    startService({
      policy: policy ?? { lockedSettings: [] },
      settings,
      store,
      buildDefaultUrl: null,
      developerUrl: options.apiUrl,
      startDemoApi: () => startEmbeddedApi(options.dataDir),
      demoFlag: options.demo ?? true,
      restart: () => setImmediate(() => void restartOnNewService()),
    });
  let startup: ServiceStartup = await decide();
  // The page's errors go to renderer.log in the data folder's logs/, as in the app; cli.ts sends this process's own log to preview.log.
  const logFolder = join(options.dataDir, 'logs');
  const rendererLog = await openLogFile('renderer', { folder: logFolder, level: levelFromEnvironment() });

  const compose = (recoveryNotices: RecoveryItem[]) =>
    composeServices({
      apiUrl: startup.apiUrl,
      dataDir: options.dataDir,
      fetch: globalThis.fetch,
      secrets: memoryOnlySecretStore,
      settings,
      // The preview page opens the sign-in page in a new tab itself (renderer/preview).
      openBrowser: async (url) => log(`Sign-in page: ${url}`),
      openExternal: async (url) => log(`The app would open in the system browser: ${url}`),
      version: process.env.npm_package_version ?? '0.0.0',
      platform: `${process.platform} (browser preview)`,
      ...(startup.demo ? { embeddedDemoAccount: startup.demo.demoAccount } : {}),
      recoveryNotices,
      ...(policy ? { policy } : {}),
      service: startup.service,
      logs: { folder: logFolder, mainProcess: 'preview', rendererSink: rendererLog },
    });

  let services = compose(recoveryNotices);
  let dispatch: Dispatch = () => Promise.reject(new Error('not ready'));
  let stopEvents = () => undefined as void;
  const server = await startPreviewServer({
    staticRoot: options.staticRoot ?? resolve('out/preview'),
    port: options.port,
    docsAssets: (path) => services.docs.resolveAsset(path),
    // Through `dispatch`, so services restarted after damage answer the same page.
    dispatch: (method, input, sender) => dispatch(method, input, sender),
  });

  // Damage found while running: the same recovery as at start-up, by building the services again
  // (the Electron app relaunches instead). The page stays connected and is told what was recovered.
  const wire = () => {
    dispatch = createDispatcher({
      handlers: createHandlers(services),
      isTrustedOrigin: (url) => url.startsWith(`${server.origin}/`),
      onInternalError: (method, error) => {
        console.error(`Bridge method ${method} failed`, error);
        services.recovery.noticeError(error);
      },
    });
    const stopForwarding = forwardEvents(services, server.broadcast);
    const stopWatching = services.recovery.onDidDetectDamage.on(() => setImmediate(() => void restart()));
    stopEvents = () => {
      stopForwarding();
      stopWatching();
    };
    services.network.start();
    void checkServiceAtStart(startup, () => services.desktop.diagnose(), () => services.session.get().status === 'signed-in').catch((error) => log(`The start-up check of the support service failed: ${String(error)}`));
  };
  const restart = async () => {
    const carried = services.recovery.report().items.filter((item) => item.kind !== 'database');
    stopEvents();
    await services.dispose();
    services = compose(carried);
    wire();
    log('The local database was damaged and has been recovered.');
    server.broadcast('session.onDidChange', services.session.get());
    server.broadcast('recovery.onDidChange', services.recovery.report());
  };
  // The user connected to a service or chose the demo: what the app does by relaunching, here in place.
  const restartOnNewService = async () => {
    stopEvents();
    await services.dispose();
    await startup.demo?.close();
    startup = await decide();
    services = compose([]);
    wire();
    log(`Support API: ${startup.apiUrl}`);
    server.broadcast('service.onDidChange', services.service.status());
    server.broadcast('session.onDidChange', services.session.get());
  };
  wire();

  return {
    url: server.url,
    get apiUrl() {
      return startup.apiUrl;
    },
    get demoAccount() {
      return startup.demo?.demoAccount;
    },
    /** The services answering now (built again after damage found at run time). */
    get services() {
      return services;
    },
    async close() {
      stopEvents();
      await server.close();
      await services.dispose();
      await startup.demo?.close();
      rendererLog.close();
    },
  };
}

export const defaultPreviewDataDir = () => join(process.cwd(), 'out', 'preview-data');
