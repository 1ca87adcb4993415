import { join } from 'node:path';
import type { AppInfo } from '../shared/contract';
import type { RecoveryItem } from '../shared/contract/recovery-contract';
import { AppError } from '../shared/errors';
import { isAllowedExternalUrl } from '../shared/external-links';
import { ApiClient, type FetchLike } from './services/api/api-client';
import type { LocalDatabase } from './services/local-db/local-database';
import { NetworkMonitor } from './services/network/network-monitor';
import { ProfileService } from './services/profile/profile-service';
import { wipeLocalData } from './services/privacy/clear-local-data';
import { PrivacyApi } from './services/privacy/privacy-api';
import { PrivacyService } from './services/privacy/privacy-service';
import type { SecretStore } from './services/session/secret-store';
import { OAuthClient } from './services/session/oauth-client';
import { SessionService } from './services/session/session-service';
import { TokenVault } from './services/session/token-vault';
import { DEFAULT_SETTINGS } from './services/settings/settings-migrations';
import type { SettingsService } from './services/settings/settings-service';
import { TelemetryService } from './services/telemetry/telemetry-service';
import { createDesktopServices } from './services/desktop/desktop-services';
import { linkTicketsToDesktop } from './services/desktop/tickets-link';
import { DocsService } from './services/docs/docs-service';
import { DownloadManager } from './services/downloads';
import type { ProxyPlatform } from './services/desktop/proxy-config';
import type { UpdaterAdapter } from './services/desktop/update-service';
import { SoftwareService } from './services/software/software-service';
import { TicketService } from './services/tickets/ticket-service';
import { damageMarkerFor, openLocalDatabaseSafely } from './services/recovery/database-recovery';
import { loadDatabaseKey, removeDatabaseFiles } from './services/local-db/database-key';
import { backupFileFor, OutboxBackup } from './services/recovery/outbox-backup';
import { RecoveryService } from './services/recovery/recovery-service';
import { NO_POLICY, type Policy } from './services/policy/policy';
import { ServiceConfigService } from './services/service-config/service-config';
import { log, redactor } from './services/logging/log';
import type { LogProcess } from './services/logging/log-files';
import type { LogSink } from './services/logging/log';
import { LogsService } from './services/logging/logs-service';
import { Emitter } from './services/emitter';
import { Lifecycle } from './services/lifecycle';

export interface PlatformDeps {
  apiUrl: string;
  dataDir: string;
  fetch: FetchLike;
  secrets: SecretStore;
  settings: SettingsService;
  openBrowser: (url: string) => Promise<void>;
  openExternal: (url: string) => Promise<void>;
  version: string;
  platform: string;
  embeddedDemoAccount?: { email: string; password: string };
  /** Electron's session (setProxy/resolveProxy) in the app; a Node resolver otherwise. */
  proxy?: ProxyPlatform;
  /** electron-updater in a packaged app; absent means updates are off. */
  updater?: UpdaterAdapter | null;
  /** The OS file dialog (Electron); absent in the preview, where the renderer sends a picked file's bytes. */
  pickFiles?: () => Promise<string[]>;
  /** The OS save dialog (Electron) for saving a ticket attachment; absent in the preview. */
  saveFileAs?: (suggestedName: string) => Promise<string | null>;
  /** The OS dialogs for documentation import and export (Electron); absent in the preview (the CLI does it there). */
  pickDocsPath?: (purpose: 'import-folder' | 'import-package' | 'export-package', suggestedName?: string) => Promise<string | null>;
  /** Electron: clears the session's storage (cache, web storage, cookies) for "clear local data". */
  clearBrowserStorage?: () => Promise<void>;
  /** Electron: restarts the app after "clear local data", so no service keeps anything in memory. */
  relaunch?: () => void;
  /** Electron's shell.showItemInFolder; the preview logs the path instead. */
  showItemInFolder?: (path: string) => Promise<void> | void;
  /** The system's Downloads folder (Electron's app.getPath('downloads')); used while settings.downloadFolder is null. */
  defaultDownloadFolder?: string;
  /** Damage found before the services were built (a damaged settings file), or carried over from services that restarted. */
  recoveryNotices?: RecoveryItem[];
  /** Enterprise policy read at start-up (issue 14); none in most tests. */
  policy?: Policy;
  /** Where the service address came from and the first-run choices; tests that omit it get a fixed, remote service. */
  service?: ServiceConfigService;
  /** The log folder and the renderer's log file (issue 14); tests that omit them log the renderer's errors to the main log. */
  logs?: { folder: string; mainProcess: LogProcess; rendererSink: LogSink; openPath?: (path: string) => Promise<void> };
}

export type Services = ReturnType<typeof composeServices>;

/**
 * Builds every service from what the platform provides. Shared by the Electron app (main/index.ts)
 * and the browser preview, so both run exactly the same code behind the bridge.
 *
 * Three phases, as VS Code's instantiation service and DisposableStore: build every service (no
 * request, no timer, no reference to a service not built yet), then start them, then on quit stop
 * them in reverse order of building, awaiting each: the local database, built first, closes last,
 * after the download engine has written each running job's resumable state.
 */
export function composeServices(deps: PlatformDeps) {
  const lifecycle = new Lifecycle((name, error) => log.error(`Stopping ${name} failed`, { error }));
  // Features add their tables with applyMigrations(localDb, '<domain>', ...). A damaged file is set
  // aside and what can be read is recovered first: the app always starts (issue 19).
  const databaseFile = join(deps.dataDir, 'local.sqlite');
  // P6.1: personal data on this computer is encrypted at rest (SQLCipher), its key sealed by the OS.
  const databaseKey = loadDatabaseKey(databaseFile, deps.secrets, deps.settings.get().keepLocalDataWithoutKeyring);
  // A key kept in memory only does not outlive a run: what the last run left cannot be read by anyone, so it goes.
  if (databaseKey.protection === 'memory') removeDatabaseFiles(databaseFile);
  const opened = openLocalDatabaseSafely(databaseFile, databaseKey.key);
  const localDb: LocalDatabase = opened.db;
  lifecycle.onStop('local database', () => localDb.close());
  const recovery = new RecoveryService({
    dataFolder: deps.dataDir,
    damageMarker: damageMarkerFor(databaseFile),
    items: [...(deps.recoveryNotices ?? []), ...(opened.damage ? [opened.damage] : [])],
  });
  // Background work that fails must not end the process: a damaged database is recovered, the rest logged.
  const onBackgroundError = (error: unknown) => {
    if (!recovery.noticeError(error)) log.error('A background task failed', { error });
  };
  const logs = new LogsService(
    deps.logs ?? { folder: join(deps.dataDir, 'logs'), mainProcess: 'main', rendererSink: { write: (level, message, context) => log[level](`renderer: ${message}`, context) } },
  );
  // Every API client reports whether the service answered; the network monitor listens once started.
  const reachability = new Emitter<{ reachable: boolean; problem?: string | undefined }>();
  const onReachability = (reachable: boolean, problem?: string) => reachability.fire({ reachable, problem });
  // Every request says the app's language, so the API answers in it (product summaries, licence texts).
  const language = () => deps.settings.get().language;
  const publicApi = new ApiClient({ baseUrl: deps.apiUrl, fetch: deps.fetch, onReachability, language });
  const network = new NetworkMonitor(publicApi);
  lifecycle.onStop('network monitor', () => network.stop());

  const vault = new TokenVault(join(deps.dataDir, 'session.bin'), deps.secrets, () => deps.settings.get().persistTokensWithoutKeyring);
  const session = new SessionService({
    oauth: new OAuthClient(publicApi),
    vault,
    openBrowser: deps.openBrowser,
    language: () => deps.settings.get().language,
  });
  lifecycle.onStop('sign-in', () => session.cancelSignIn());
  const userApi = new ApiClient({
    baseUrl: deps.apiUrl,
    fetch: deps.fetch,
    onReachability,
    language,
    getAccessToken: () => session.getAccessToken(),
    onUnauthorized: () => void session.endSession(),
  });
  const profile = new ProfileService(userApi, (p) => session.updateUser({ name: p.name, email: p.email }));
  const downloadFolder = () => {
    const chosen = deps.settings.get().downloadFolder;
    return { folder: chosen ?? deps.defaultDownloadFolder ?? join(deps.dataDir, 'downloads'), isDefault: chosen === null };
  };
  // One download engine for every domain (software packages, doc libraries): one queue, one jobs table.
  const downloads = new DownloadManager({
    db: localDb,
    api: userApi,
    fetch: deps.fetch,
    baseUrl: publicApi.baseUrl,
    getAccessToken: () => session.getAccessToken(),
    downloadFolder: () => downloadFolder().folder,
    quarantineFolder: join(deps.dataDir, 'quarantine'),
  });
  // Awaited: each running job writes where it stopped (bytes, ETag) while the database is still open.
  lifecycle.onStop('downloads', () => downloads.dispose());
  const docs = new DocsService({
    db: localDb,
    dataDir: deps.dataDir,
    api: userApi,
    downloads,
    fetch: deps.fetch,
    isOnline: () => network.get().online,
    storageLimitBytes: () => deps.settings.get().docsStorageLimitMb * 1024 * 1024,
    // Feedback written offline waits in the local database and goes when the service answers again.
    session,
    network,
    feedbackOutbox: { onError: onBackgroundError },
    ...(deps.pickDocsPath ? { pickPath: deps.pickDocsPath } : {}),
  });
  lifecycle.onStop('documentation', () => docs.dispose());
  // Makes no request until a user is signed in; then sends the outbox and follows the change feed.
  const tickets = new TicketService({
    api: userApi,
    localDb,
    dataDir: deps.dataDir,
    session,
    profile,
    network,
    settings: deps.settings,
    app: { version: deps.version, platform: deps.platform },
    ...(deps.pickFiles ? { pickFiles: deps.pickFiles } : {}),
    ...(deps.saveFileAs ? { saveFileAs: deps.saveFileAs } : {}),
    // Deflection: the local documentation's own search (only once the user types).
    searchDocs: async (query, limit) => (await docs.search({ query, limit, includeOnline: false })).hits,
    outbox: { onError: onBackgroundError },
    appLog: () => logs.tail(200),
  });
  lifecycle.onStop('service requests', () => tickets.dispose());
  const software = new SoftwareService({
    api: userApi,
    downloads,
    downloadFolder,
    showItemInFolder: deps.showItemInFolder ?? ((path) => log.info('show in folder', { path })),
    ...(process.env.SUPPORT_VENDOR_PUBLIC_KEY ? { vendorPublicKey: process.env.SUPPORT_VENDOR_PUBLIC_KEY } : {}),
  });
  lifecycle.onStop('software', () => software.stop());
  // The last-known-good copy of the outbox and drafts, for a database a power cut empties. A full disk
  // keeps the previous copy (tried again at the next tick); damage goes to recovery.
  const outboxBackup = new OutboxBackup(localDb, backupFileFor(databaseFile), (error) => recovery.noticeError(error));
  lifecycle.onStop('outbox backup', () => outboxBackup.stop());

  const appInfo = (): AppInfo => ({
    version: deps.version,
    platform: deps.platform,
    apiUrl: publicApi.baseUrl,
    embeddedApi: Boolean(deps.embeddedDemoAccount),
    ...(deps.embeddedDemoAccount ? { demoAccount: deps.embeddedDemoAccount } : {}),
  });

  const links = {
    async open(url: string): Promise<void> {
      if (!isAllowedExternalUrl(url)) throw new AppError('forbidden', 'Only https pages and e-mail addresses can be opened from the app.');
      await deps.openExternal(url);
    },
  };

  const desktop = createDesktopServices({ apiUrl: publicApi.baseUrl, fetch: deps.fetch, settings: deps.settings, proxy: deps.proxy, updater: deps.updater });
  lifecycle.onStop('desktop', () => desktop.dispose());

  const policy = deps.policy ?? NO_POLICY;
  const service =
    deps.service ??
    new ServiceConfigService({
      plan: { kind: 'remote', url: publicApi.baseUrl, source: 'settings' },
      policy,
      settings: deps.settings,
      store: { get: () => undefined, set: () => undefined },
      demoBuiltIn: false,
      restart: () => undefined,
    });
  // Policy TelemetryEnabled=false: no usage statistics, whatever the user consented to.
  const telemetry = new TelemetryService({ db: localDb, api: publicApi, appVersion: deps.version, platform: deps.platform, allowed: () => policy.telemetry !== false });
  const privacy = new PrivacyService({ api: new PrivacyApi(userApi, publicApi), session, downloads, localDb, dataDir: deps.dataDir, settings: deps.settings, telemetry, databaseKey: databaseKey.protection });
  const dispose = () => lifecycle.stop();
  const clearLocalData = () =>
    wipeLocalData({
      dataDir: deps.dataDir,
      session,
      settings: deps.settings,
      defaults: DEFAULT_SETTINGS,
      stopServices: dispose,
      ...(deps.clearBrowserStorage ? { clearBrowserStorage: deps.clearBrowserStorage } : {}),
      ...(deps.relaunch ? { relaunch: deps.relaunch } : {}),
    });

  // Start: every service exists now, so each listener below can reach any of them.
  lifecycle.onStop('reachability', reachability.on(({ reachable, problem }) => network.report(reachable, problem)));
  // Consent to weak token storage changed: write or remove the token file now, not at the next refresh.
  let persistWeak = deps.settings.get().persistTokensWithoutKeyring;
  lifecycle.onStop(
    'token storage consent',
    deps.settings.onDidChange.on((settings) => {
      if (settings.persistTokensWithoutKeyring === persistWeak) return;
      persistWeak = settings.persistTokensWithoutKeyring;
      void session.reapplyTokenStorage();
    }),
  );
  // The signed-in person's own name and e-mail never reach a log file, wherever they turn up in a message.
  const forgetOrRememberPerson = (state: ReturnType<typeof session.get>) => redactor.setPersonalValues(state.status === 'signed-in' ? [state.user.name, state.user.email] : []);
  lifecycle.onStop('log redaction', session.onDidChange.on(forgetOrRememberPerson));
  forgetOrRememberPerson(session.get());
  tickets.start();
  // Downloads need the user's token: they run while someone is signed in and wait, queued, otherwise.
  const followSession = (state: { status: string }) => {
    if (lifecycle.stopped) return;
    if (state.status === 'signed-in') downloads.start();
    if (state.status === 'signed-out') void downloads.suspend();
    if (state.status === 'signed-in' || state.status === 'signed-out') void software.followSession(state.status === 'signed-in');
  };
  lifecycle.onStop('session follower', session.onDidChange.on(followSession));
  followSession(session.get());
  void docs.start().catch(onBackgroundError);
  outboxBackup.start();
  lifecycle.onStop('desktop notifications', linkTicketsToDesktop(tickets, desktop.notifications));


  return { appInfo, links, service, logs, recovery, session, profile, settings: deps.settings, network, localDb, desktop, downloads, software, docs, tickets, privacy, telemetry, clearLocalData, dispose };
}
