import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/**
 * Electron security checklist, in one place: the options every window gets and the guards every
 * web contents gets. Types only from 'electron', so the unit tests can pass fakes.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Enterprise Support Desktop',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) would otherwise ask for a new window; the window-open handler
      // denies it anyway, this removes the event altogether (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  };
}

export interface GuardPolicy {
  isAppUrl: (url: string) => boolean;
  /** Opens an allow-listed link in the system browser; refuses (and returns false) otherwise. */
  openExternal: (url: string) => Promise<boolean>;
}

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** Denies new windows, navigation away from the app and webviews; links go through the allow-list. */
export function guardWebContents(contents: GuardedContents, policy: GuardPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    void policy.openExternal(url);
    return { action: 'deny' };
  });
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (policy.isAppUrl(url)) return;
    event.preventDefault();
    void policy.openExternal(url);
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * The app needs no camera, microphone, geolocation, notifications-by-web-API, etc.: deny them all,
 * and no USB, HID or serial device either (WebUSB/WebHID/Web Serial ask the device handler).
 */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
