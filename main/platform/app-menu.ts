import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { desktopStrings } from '../services/desktop/desktop-strings';

export interface MenuActions {
  navigate(path: string): void;
  openPalette(): void;
  checkForUpdates(): void;
  quit(): void;
}

/** The native menu, rebuilt when the language changes. Accelerators use CmdOrCtrl so each OS gets its own. */
export function setApplicationMenu(strings: ReturnType<typeof desktopStrings>, actions: MenuActions, isMac: boolean, isDev: boolean): void {
  const go = (label: string, path: string, accelerator: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => actions.navigate(path) });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: strings.file,
      submenu: [
        { label: strings.search, accelerator: 'CmdOrCtrl+K', click: actions.openPalette },
        go(strings.settings, '/settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { label: strings.quit, accelerator: 'Ctrl+Q', click: actions.quit },
      ],
    },
    { label: strings.edit, role: 'editMenu' },
    {
      label: strings.go,
      submenu: [
        go(strings.docs, '/docs', 'CmdOrCtrl+1'),
        go(strings.software, '/software', 'CmdOrCtrl+2'),
        go(strings.tickets, '/tickets', 'CmdOrCtrl+3'),
        go(strings.privacy, '/privacy', 'CmdOrCtrl+4'),
        go(strings.profile, '/profile', 'CmdOrCtrl+5'),
      ],
    },
    {
      label: strings.view,
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Developer tools only in development builds.
        ...(isDev ? [{ role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      ],
    },
    { label: strings.window, role: 'windowMenu' },
    {
      label: strings.help,
      role: 'help',
      submenu: [
        { label: strings.networkDiagnostics, click: () => actions.navigate('/settings') },
        { label: strings.checkForUpdates, click: actions.checkForUpdates },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
