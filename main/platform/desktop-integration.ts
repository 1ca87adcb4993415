import { BrowserWindow, Notification, type App } from 'electron';
import type { Services } from '../compose';
import { desktopStrings } from '../services/desktop/desktop-strings';
import type { DesktopNotification } from '../services/desktop/notification-center';
import type { WindowSizeLimits } from '../services/desktop/window-state';
import type { KeyValueStore } from '../services/settings/settings-service';
import { setApplicationMenu } from './app-menu';
import { registerDeepLinks } from './deep-links';
import { answerProxyLogins } from './proxy-session';
import { TrayIcon } from './tray-icon';
import { keepWindowState } from './window-state-keeper';
import { log } from '../services/logging/log';

const UPDATE_CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export interface DesktopIntegrationOptions {
  app: App;
  services: Services;
  /** The main window, opened again if it was closed. */
  mainWindow: () => BrowserWindow;
  windowStateStore: KeyValueStore;
  windowLimits: WindowSizeLimits;
  isDev: boolean;
  /** Links that arrived before the services existed (macOS 'open-url' at launch). */
  launchLinks: { take(): string[]; stop(): void };
}

/**
 * Menu, tray, notifications, deep links, proxy sign-in and the update schedule: the OS-facing
 * half of the desktop domain. Everything it decides is in main/services/desktop (tested in Node);
 * this file only connects those services to Electron.
 */
export function installDesktopIntegration(options: DesktopIntegrationOptions) {
  const { app, services, isDev } = options;
  const { desktop, settings } = services;
  const isMac = process.platform === 'darwin';

  const reveal = () => {
    const window = options.mainWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const navigate = (path: string) => {
    desktop.navigation.navigate(path);
    reveal();
  };
  const actions = {
    show: reveal,
    navigate,
    openPalette: () => {
      reveal();
      desktop.navigation.command('openPalette');
    },
    checkForUpdates: () => {
      navigate('/settings');
      void desktop.updates.check();
    },
    quit: () => app.quit(),
  };

  let tray: TrayIcon | null = null;
  try {
    tray = new TrayIcon(actions);
  } catch (error) {
    // Some Linux desktops have no status area; the app works without a tray.
    log.warn('No tray icon on this desktop', { error });
  }
  const refresh = () => {
    const strings = desktopStrings(settings.get().language);
    const unread = desktop.notifications.unreadCount();
    setApplicationMenu(strings, actions, isMac, isDev);
    tray?.update(strings, unread, isMac);
    app.setBadgeCount(unread);
  };
  refresh();
  let language = settings.get().language;
  const unsubscribers = [
    settings.onDidChange.on((next) => {
      if (next.language === language) return;
      language = next.language;
      refresh();
    }),
    desktop.notifications.onUnreadCount.on(refresh),
    desktop.notifications.onNotify.on((notification) => show(notification, navigate)),
  ];

  options.launchLinks.stop();
  for (const link of options.launchLinks.take()) desktop.navigation.openDeepLink(link);
  registerDeepLinks(app, desktop.navigation, reveal);
  answerProxyLogins(app, desktop.proxyLogin);

  // Updates are off in development: UpdateService reports 'disabled' without an updater.
  const timers: ReturnType<typeof setTimeout>[] = [];
  if (desktop.updates.get().state !== 'disabled') {
    const check = () => void desktop.updates.check();
    timers.push(setTimeout(check, 30_000), setInterval(check, UPDATE_CHECK_EVERY_MS));
  }

  return {
    /** Call for every main window: restores its bounds and re-holds deep links while it reloads. */
    trackWindow(window: BrowserWindow): BrowserWindow {
      keepWindowState(window, options.windowStateStore, options.windowLimits);
      window.webContents.on('did-start-loading', () => desktop.navigation.rendererGone());
      return window;
    },
    dispose() {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      timers.forEach((timer) => clearTimeout(timer));
      tray?.destroy();
    },
  };
}

// Electron drops a notification's click handler when the object is garbage collected: keep it until it is used.
const shown = new Set<Notification>();

function show(notification: DesktopNotification, navigate: (path: string) => void): void {
  // While the user is in the app, the tickets screen's own in-app notice says it; the OS one would repeat it.
  if (!Notification.isSupported() || BrowserWindow.getFocusedWindow()) return;
  const native = new Notification({ title: notification.title, body: notification.body });
  shown.add(native);
  native.on('click', () => {
    shown.delete(native);
    navigate(notification.path);
  });
  native.on('close', () => shown.delete(native));
  native.show();
}
