import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../main/platform/app-origin';
import { denyAllPermissions, guardWebContents, secureWindowOptions } from '../../../main/platform/window-security';

// Electron itself cannot run here (no binary): these tests drive the window factory's guards with
// fake webContents and session objects that record what the app registered.
function fakeContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
      on: (event: string, h: (...args: unknown[]) => void) => handlers.set(event, h),
    },
    open: (url: string) => openHandler!({ url }),
    fire: (event: string, url?: string) => {
      const preventDefault = vi.fn();
      handlers.get(event)!({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
  };
}

describe('secure window options (Electron security checklist)', () => {
  const prefs = secureWindowOptions('/app/preload/index.cjs').webPreferences!;
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });
  it('loads the preload script it was given', () => expect(prefs.preload).toBe('/app/preload/index.cjs'));
  it('enables no Blink feature and disables middle-click (auxclick) windows', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });
});

describe('web contents guards', () => {
  const setup = () => {
    const fake = fakeContents();
    const opened: string[] = [];
    guardWebContents(fake.contents as never, {
      isAppUrl,
      openExternal: async (url) => (opened.push(url), true),
    });
    return { ...fake, opened };
  };

  it('denies every window.open and hands the URL to the external-link policy instead', () => {
    const { open, opened } = setup();
    expect(open('https://support.example.com/kb/1')).toEqual({ action: 'deny' });
    expect(open('app://bundle/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://support.example.com/kb/1', 'app://bundle/index.html']);
  });

  it('blocks navigation and redirects away from the app, allows navigation inside it', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-navigate', 'app://bundle/index.html#/profile')).toBe(false);
  });

  it('refuses to attach webviews', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('permission requests', () => {
  it('denies every permission request and check, and every USB, HID or serial device', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => void (request = h),
      setPermissionCheckHandler: (h: never) => void (check = h),
      setDevicePermissionHandler: (h: never) => void (device = h),
    } as never);
    expect(device!()).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });
});
