import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { DesktopService } from '../../../main/services/desktop/desktop-service';

// No Electron binary here: 'electron' is replaced by a fake screen with two monitors, then one.
const screen = Object.assign(new EventEmitter(), {
  displays: [
    { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 870 } },
    { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } },
  ],
  getPrimaryDisplay: () => screen.displays[0]!,
  getAllDisplays: () => screen.displays,
});
vi.mock('electron', () => ({ screen }));
const { keepWindowState } = await import('../../../main/platform/window-state-keeper');
const { collectEarlyDeepLinks, registerDeepLinks } = await import('../../../main/platform/deep-links');

function fakeWindow() {
  let bounds = { x: 0, y: 0, width: 800, height: 600 };
  return Object.assign(new EventEmitter(), {
    setBounds: vi.fn((b: typeof bounds) => void (bounds = b)),
    getBounds: () => bounds,
    getNormalBounds: () => bounds,
    maximize: vi.fn(),
    isMaximized: () => false,
    isFullScreen: () => false,
    isDestroyed: () => false,
  });
}
const limits = { defaultWidth: 1280, defaultHeight: 820, minWidth: 900, minHeight: 600 };

describe('window state in the Electron glue', () => {
  it('reopens on the external monitor where it was closed, and saves where it is on close', () => {
    const stored = new Map<string, unknown>([['mainWindow', { x: 1600, y: 100, width: 1400, height: 900, maximized: true }]]);
    const store = { get: (k: string) => stored.get(k), set: (k: string, v: unknown) => void stored.set(k, v) };
    const window = fakeWindow();
    keepWindowState(window as never, store, limits);
    expect(window.setBounds).toHaveBeenCalledWith({ x: 1600, y: 100, width: 1400, height: 900 });
    expect(window.maximize).toHaveBeenCalled();
    window.emit('close');
    expect(stored.get('mainWindow')).toEqual({ x: 1600, y: 100, width: 1400, height: 900, maximized: false });
    window.emit('closed');
  });

  it('moves the open window back on screen when its monitor is unplugged', () => {
    const window = fakeWindow();
    keepWindowState(window as never, { get: () => ({ x: 2000, y: 200, width: 1200, height: 800, maximized: false }), set: () => undefined }, limits);
    screen.displays = [screen.displays[0]!];
    screen.emit('display-removed');
    const { x, y, width, height } = window.getBounds();
    expect(x >= 0 && y >= 0 && x + width <= 1440 && y + height <= 870).toBe(true);
    window.emit('closed');
    expect(screen.listenerCount('display-removed')).toBe(0);
  });
});

describe('deep links in the Electron glue', () => {
  it('claims the scheme, opens links from macOS and from a second instance, and ignores hostile ones', () => {
    const app = Object.assign(new EventEmitter(), { setAsDefaultProtocolClient: vi.fn(() => true) });
    const desktop = new DesktopService();
    desktop.takePendingNavigation();
    const opened: string[] = [];
    desktop.onNavigate.on(({ path }) => opened.push(path));
    const reveal = vi.fn();
    registerDeepLinks(app as never, desktop, reveal);
    // A packaged app (no process.defaultApp, as in this test) registers itself by name alone.
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('enterprise-support');
    app.emit('open-url', { preventDefault: vi.fn() }, 'enterprise-support://tickets/T-7');
    app.emit('second-instance', {}, ['/opt/esd/esd', '--flag', 'enterprise-support://docs/lib-1/topic-2'], '/');
    app.emit('second-instance', {}, ['/opt/esd/esd', 'enterprise-support://tickets/..%2f..'], '/');
    expect(opened).toEqual(['/tickets/T-7', '/docs/read/lib-1/topic-2']);
    expect(reveal).toHaveBeenCalledTimes(2);
  });

  it('keeps a macOS launch link that arrives before the app is ready', () => {
    const app = new EventEmitter();
    const early = collectEarlyDeepLinks(app as never);
    app.emit('open-url', { preventDefault: vi.fn() }, 'enterprise-support://software/svault');
    early.stop();
    app.emit('open-url', { preventDefault: vi.fn() }, 'enterprise-support://software/later');
    expect(early.take()).toEqual(['enterprise-support://software/svault']);
  });
});
