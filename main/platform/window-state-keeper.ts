import { screen, type BrowserWindow } from 'electron';
import type { KeyValueStore } from '../services/settings/settings-service';
import { restoreWindowBounds, type WindowSizeLimits } from '../services/desktop/window-state';

const KEY = 'mainWindow';

function workAreas() {
  const primary = screen.getPrimaryDisplay();
  // The primary screen first: restoreWindowBounds falls back to the first work area.
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

/**
 * Restores the window where it was (or onto a screen that still exists), saves its size and
 * position when it closes, and moves it back on screen when a monitor is unplugged.
 */
export function keepWindowState(window: BrowserWindow, store: KeyValueStore, limits: WindowSizeLimits): void {
  const restored = restoreWindowBounds(store.get(KEY), workAreas(), limits);
  window.setBounds(restored.bounds);
  if (restored.maximized) window.maximize();

  const save = () => {
    if (window.isDestroyed()) return;
    store.set(KEY, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', save);

  const refit = () => {
    if (window.isDestroyed() || window.isMaximized() || window.isFullScreen()) return;
    const { bounds } = restoreWindowBounds({ ...window.getBounds(), maximized: false }, workAreas(), limits);
    window.setBounds(bounds);
  };
  screen.on('display-removed', refit);
  screen.on('display-metrics-changed', refit);
  window.once('closed', () => {
    screen.off('display-removed', refit);
    screen.off('display-metrics-changed', refit);
  });
}
