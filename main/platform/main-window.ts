import { BrowserWindow } from 'electron';
import { secureWindowOptions } from './window-security';

export function createMainWindow(preloadPath: string, startUrl: string): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}
