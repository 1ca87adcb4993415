import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import { startEmbeddedApi } from '../../server/embedded';
import { forwardEvents } from '../bridge/events';
import { createHandlers } from '../bridge/handlers';
import { createDispatcher } from '../bridge/registrar';
import { composeServices } from '../compose';
import { memoryOnlySecretStore } from '../services/session/secret-store';
import { SettingsService } from '../services/settings/settings-service';
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
  const settings = new SettingsService(new Conf({ projectName: 'enterprise-support-desktop', cwd: options.dataDir, configName: 'settings' }));
  const configuredUrl = options.apiUrl ?? settings.get().apiUrl;
  const embedded = configuredUrl ? null : await startEmbeddedApi(options.dataDir);
  const apiUrl = configuredUrl ?? embedded!.url;

  const services = composeServices({
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
  });
  const server = await startPreviewServer({
    staticRoot: options.staticRoot ?? resolve('out/preview'),
    port: options.port,
    docsAssets: (path) => services.docs.resolveAsset(path),
    dispatch: createDispatcher({
      handlers: createHandlers(services),
      isTrustedOrigin: (url) => url.startsWith(`${server.origin}/`),
      onInternalError: (method, error) => console.error(`Bridge method ${method} failed`, error),
    }),
  });
  const stopEvents = forwardEvents(services, server.broadcast);
  services.network.start();

  return {
    url: server.url,
    apiUrl,
    demoAccount: embedded?.demoAccount,
    services,
    async close() {
      stopEvents();
      await server.close();
      services.dispose();
      await embedded?.close();
    },
  };
}

export const defaultPreviewDataDir = () => join(process.cwd(), 'out', 'preview-data');
