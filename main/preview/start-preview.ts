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
import { openSettings } from '../services/settings/settings-file';
import { startPreviewServer } from './preview-server';

export interface PreviewOptions {
  dataDir: string;
  port?: number;
  /** The built preview bundle (vite.preview.config.ts). */
  staticRoot?: string;
  /** Use this API instead of starting the embedded one. */
  apiUrl?: string;
  log?: (line: string) => void;
}

/**
 * The browser preview: the real services and the real dispatcher, with Node's fetch, an in-memory
 * token store and a browser tab standing in for the Electron window and the system browser.
 */
export async function startPreview(options: PreviewOptions) {
  const log = options.log ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });
  const { settings, recoveryNotices } = openSettings(options.dataDir, () => new Conf({ projectName: 'enterprise-support-desktop', cwd: options.dataDir, configName: 'settings' }));
  const configuredUrl = options.apiUrl ?? settings.get().apiUrl;
  const embedded = configuredUrl ? null : await startEmbeddedApi(options.dataDir);
  const apiUrl = configuredUrl ?? embedded!.url;

  const compose = (recoveryNotices: RecoveryItem[]) =>
    composeServices({
      apiUrl,
      dataDir: options.dataDir,
      fetch: globalThis.fetch,
      secrets: memoryOnlySecretStore,
      settings,
      // The preview page opens the sign-in page in a new tab itself (renderer/preview).
      openBrowser: async (url) => log(`Sign-in page: ${url}`),
      openExternal: async (url) => log(`The app would open in the system browser: ${url}`),
      version: process.env.npm_package_version ?? '0.0.0',
      platform: `${process.platform} (browser preview)`,
      ...(embedded ? { embeddedDemoAccount: embedded.demoAccount } : {}),
      recoveryNotices,
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
  wire();

  return {
    url: server.url,
    apiUrl,
    demoAccount: embedded?.demoAccount,
    /** The services answering now (built again after damage found at run time). */
    get services() {
      return services;
    },
    async close() {
      stopEvents();
      await server.close();
      await services.dispose();
      await embedded?.close();
    },
  };
}

export const defaultPreviewDataDir = () => join(process.cwd(), 'out', 'preview-data');
