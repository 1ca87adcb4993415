import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import type { desktopStrings } from '../services/desktop/desktop-strings';

export interface TrayActions {
  show(): void;
  navigate(path: string): void;
  openPalette(): void;
  quit(): void;
}

/**
 * The app ships no image files yet, so the tray icon is drawn here: a 32 px blue disc, with an
 * orange dot when answers are unread (the count itself goes in the tooltip and, on macOS, the title).
 */
function drawIcon(unread: boolean): NativeImage {
  const size = 32;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const inDisc = (x - 15.5) ** 2 + (y - 15.5) ** 2 <= 14 ** 2;
      const inBadge = unread && (x - 25) ** 2 + (y - 7) ** 2 <= 6 ** 2;
      // BGRA
      if (inBadge) pixels.set([0x00, 0x8c, 0xff, 0xff], i);
      else if (inDisc) pixels.set([0xc8, 0x5a, 0x1e, 0xff], i);
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}

export class TrayIcon {
  private readonly tray: Tray;

  constructor(private readonly actions: TrayActions) {
    this.tray = new Tray(drawIcon(false));
    this.tray.on('click', () => actions.show());
  }

  update(strings: ReturnType<typeof desktopStrings>, unread: number, isMac: boolean): void {
    const status = unread > 0 ? strings.unread(unread) : strings.noUnread;
    this.tray.setImage(drawIcon(unread > 0));
    this.tray.setToolTip(`${strings.open} · ${status}`);
    if (isMac) this.tray.setTitle(unread > 0 ? String(unread) : '');
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: strings.open, click: this.actions.show },
        { label: status, enabled: unread > 0, click: () => this.actions.navigate('/tickets') },
        { type: 'separator' },
        { label: strings.search, click: this.actions.openPalette },
        { label: strings.newRequest, click: () => this.actions.navigate('/tickets') },
        { label: strings.docs, click: () => this.actions.navigate('/docs') },
        { label: strings.settings, click: () => this.actions.navigate('/settings') },
        { type: 'separator' },
        { label: strings.quit, click: this.actions.quit },
      ]),
    );
  }

  destroy(): void {
    this.tray.destroy();
  }
}
