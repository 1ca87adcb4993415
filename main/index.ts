import { join } from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, safeStorage, session, shell } from 'electron';
import Store from 'electron-store';
import { startEmbeddedApi } from '../server/embedded';
import { forwardEvents } from './bridge/events';
import { createHandlers } from './bridge/handlers';
import { createDispatcher } from './bridge/registrar';
import { composeServices } from './compose';
import { APP_START_URL, isAppUrl } from './platform/app-origin';
import { registerAppScheme, serveRenderer } from './platform/app-protocol';
import { eventSinkFor, listenForBridgeCalls } from './platform/ipc-bridge';
import { collectEarlyDeepLinks } from './platform/deep-links';
import { docsCommandArgs } from './platform/docs-command-args';
import { runDocsCommandLine } from './platform/docs-command-line';
import { installDesktopIntegration } from './platform/desktop-integration';
import { createMainWindow } from './platform/main-window';
import { collectOpenedPackages } from './platform/opened-packages';
import { electronProxyPlatform, proxyAuthenticator } from './platform/proxy-session';
import { electronUpdaterAdapter } from './platform/updater';
import { safeStorageSecrets } from './platform/safe-storage-secrets';
import { denyAllPermissions, guardWebContents } from './platform/window-security';
import { isAllowedExternalUrl, isVendorUrl } from '../shared/external-links';
import { withProxySignIn } from './services/desktop/proxy-sign-in-fetch';
import { openSettings } from './services/settings/settings-file';
import { desktopStrings } from './services/desktop/desktop-strings';

// The composition root: the only file that knows both Electron and every service.
// `<app executable> docs <command>` is the documentation command line: no window, no instance lock.
const docsArgs = docsCommandArgs(app);
registerAppScheme(protocol);
if (!docsArgs && !app.requestSingleInstanceLock()) app.quit();
const openedPackages = collectOpenedPackages(app);
// macOS hands over the link that launched the app before 'ready': keep it for the desktop services.
const launchLinks = collectEarlyDeepLinks(app);

// electron-vite dev serves the renderer from a dev server; a packaged app never trusts it.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isTrustedOrigin = (url: string) => isAppUrl(url) || (devServerUrl !== undefined && url.startsWith(devServerUrl));

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  // electron-store keeps settings.json in userData; a damaged file is set aside instead of stopping the app.
  const { settings, recoveryNotices } = openSettings(dataDir, () => new Store({ name: 'settings' }));
  const embedded = settings.get().apiUrl ? null : await startEmbeddedApi(dataDir);
  const apiUrl = settings.get().apiUrl ?? embedded!.url;
  if (embedded) console.log(`Embedded reference API at ${embedded.url}. Demo sign-in: ${embedded.demoAccount.email} / ${embedded.demoAccount.password}`);

  // No notice precedes navigation or window.open, so those may reach only the vendor's own pages.
  const openVendorPage = async (url: string) => {
    if (!isVendorUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  };
  const services = composeServices({
    apiUrl,
    dataDir,
    // System proxy, PAC and OS certificates; a 407 from an authenticating proxy prompts once and retries.
    fetch: withProxySignIn(
      (input, init) => session.defaultSession.fetch(input as string, init),
      (url) => proxyAuthenticator(net, session.defaultSession, services.desktop.proxyLogin)(url),
    ),
    proxy: electronProxyPlatform(session.defaultSession),
    // Updates only in an installed build: development builds have no feed and no signature.
    updater: app.isPackaged ? electronUpdaterAdapter() : null,
    secrets: safeStorageSecrets(safeStorage, process.platform),
    settings,
    // Only the configured API's own authorize page may be opened this way.
    openBrowser: async (url) => {
      if (url.startsWith(`${apiUrl}/oauth/authorize?`)) await shell.openExternal(url);
    },
    // The bridge's app.openExternal, after the renderer's third-party notice; compose.ts checks the URL first.
    openExternal: async (url) => {
      if (isAllowedExternalUrl(url)) await shell.openExternal(url);
    },
    version: app.getVersion(),
    // "Clear local data" (P3.2): the window's web storage and cache too, then a fresh start.
    clearBrowserStorage: async () => {
      await session.defaultSession.clearStorageData();
      await session.defaultSession.clearCache();
    },
    relaunch: () => {
      app.relaunch();
      app.exit(0);
    },
    platform: process.platform,
    // Only paths of verified downloads reach this (SoftwareService.showInFolder), never a path from the renderer.
    showItemInFolder: (path) => shell.showItemInFolder(path),
    defaultDownloadFolder: app.getPath('downloads'),
    ...(embedded ? { embeddedDemoAccount: embedded.demoAccount } : {}),
    recoveryNotices,
    // Attachments: main reads only files the user picked in this dialog, never a path from the renderer.
    pickFiles: async () => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title: desktopStrings(settings.get().language).attachFiles, properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] };
      const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? [] : picked.filePaths;
    },
    // Saving an attachment: main writes only where the user chose in this dialog.
    saveFileAs: async (suggestedName) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title: desktopStrings(settings.get().language).saveAttachment, defaultPath: join(app.getPath('downloads'), suggestedName) };
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    // Documentation import/export: main works only on paths the user chose here, never one from the renderer.
    pickDocsPath: async (purpose, suggestedName) => {
      const owner = BrowserWindow.getFocusedWindow();
      const strings = desktopStrings(settings.get().language);
      const filters = [{ name: strings.documentationLibrary, extensions: ['esdlib', 'zip'] }];
      if (purpose === 'export-package') {
        const options = { title: strings.exportLibrary, defaultPath: suggestedName, filters };
        const saved = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return saved.canceled || !saved.filePath ? null : saved.filePath;
      }
      const options = {
        title: purpose === 'import-folder' ? strings.importFolder : strings.importLibrary,
        properties: [purpose === 'import-folder' ? 'openDirectory' : 'openFile'] as ('openDirectory' | 'openFile')[],
        ...(purpose === 'import-package' ? { filters: [{ name: `${strings.documentationLibrary}, ${strings.pdfManual}`, extensions: ['esdlib', 'zip', 'pdf'] }, ...filters, { name: strings.pdfManual, extensions: ['pdf'] }] } : {}),
      };
      const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
  });

  const dispatch = createDispatcher({
    handlers: createHandlers(services),
    isTrustedOrigin,
    onInternalError: (method, error) => {
      console.error(`Bridge method ${method} failed`, error);
      services.recovery.noticeError(error);
    },
  });
  // No background task may end the process (issue 19): log it, and recover if the local database broke.
  process.on('unhandledRejection', (error) => {
    console.error('A background task failed', error);
    services.recovery.noticeError(error);
  });
  // Damage found while running: relaunch, and the start-up check sets the file aside and recovers it.
  services.recovery.onDidDetectDamage.on(() => {
    app.relaunch();
    app.exit(0);
  });
  listenForBridgeCalls(dispatch);
  forwardEvents(services, eventSinkFor(() => BrowserWindow.getAllWindows()));

  serveRenderer(protocol, join(import.meta.dirname, '../renderer'), (path) => services.docs.resolveAsset(path));
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { isAppUrl: isTrustedOrigin, openExternal: openVendorPage }));

  await services.desktop.proxyApplied.catch((error) => console.error('The proxy settings could not be applied', error));
  // A documentation package opened from the file manager is imported like one picked in the app.
  openedPackages.start((file) => {
    services.docs.importLocal({ kind: 'package', file, source: 'package' }).catch((error) => console.error(`Could not import ${file}`, error));
  });
  await services.session.restore();
  services.network.start();

  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const desktop = installDesktopIntegration({
    app,
    services,
    mainWindow: () => (window.isDestroyed() ? (window = open()) : window),
    windowStateStore: new Store({ name: 'window-state' }),
    windowLimits: { defaultWidth: 1280, defaultHeight: 820, minWidth: 900, minHeight: 600 },
    isDev: !app.isPackaged,
    launchLinks,
  });
  const open = () => desktop.trackWindow(createMainWindow(preload, devServerUrl ?? APP_START_URL));
  let window = open();
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = open();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    desktop.dispose();
    services.dispose();
    void embedded?.close();
  });
}

if (docsArgs) void runDocsCommandLine(app, net, safeStorage, docsArgs);
else
  main().catch((error) => {
    console.error('Enterprise Support Desktop could not start', error);
    app.exit(1);
  });
