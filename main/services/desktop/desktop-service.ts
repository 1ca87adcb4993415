import type { DESKTOP_COMMANDS } from '../../../shared/contract/desktop-contract';
import { Emitter } from '../emitter';
import { deepLinkPath, parseDeepLink } from './deep-link';

export type DesktopCommand = (typeof DESKTOP_COMMANDS)[number];

// The only screens the OS (deep links, notifications, tray, menu) may send the window to.
const ROUTES = [
  /^\/(docs|software|tickets|privacy|settings|profile)$/,
  /^\/tickets\/[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
  /^\/software\?product=[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
  /^\/docs\/read\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/,
];
export const isAppRoute = (path: string) => !path.includes('..') && ROUTES.some((route) => route.test(path));

/**
 * Where the OS wants the window to go, and menu commands for the renderer. A link that arrives
 * before the renderer has started waits until it asks (takePendingNavigation), so a deep link
 * that launched the app is not lost.
 */
export class DesktopService {
  readonly onNavigate = new Emitter<{ path: string }>();
  readonly onCommand = new Emitter<{ command: DesktopCommand }>();
  private pending: string | null = null;
  private rendererReady = false;

  /** Opens a deep link; false (and nothing happens) when it is not one of ours or is malformed. */
  openDeepLink(url: unknown): boolean {
    const link = parseDeepLink(url);
    if (!link) return false;
    this.navigate(deepLinkPath(link));
    return true;
  }

  navigate(path: string): boolean {
    if (!isAppRoute(path)) return false;
    if (this.rendererReady) this.onNavigate.fire({ path });
    else this.pending = path;
    return true;
  }

  command(command: DesktopCommand): void {
    this.onCommand.fire({ command });
  }

  takePendingNavigation(): { path: string } | null {
    this.rendererReady = true;
    const path = this.pending;
    this.pending = null;
    return path ? { path } : null;
  }

  /** The window was reloaded or recreated: hold links again until it asks. */
  rendererGone(): void {
    this.rendererReady = false;
  }
}
