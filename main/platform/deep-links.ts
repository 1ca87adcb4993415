import type { App } from 'electron';
import { DEEP_LINK_SCHEME } from '../services/desktop/deep-link';
import type { DesktopService } from '../services/desktop/desktop-service';

/**
 * enterprise-support:// links. The installer registers the scheme (electron-builder.yml
 * `protocols`); at run time the app claims it too, so a development build or a portable copy also
 * receives links. macOS delivers them by 'open-url'; Windows and Linux start the app (or a second
 * instance, which hands its argv to the first) with the link as an argument.
 */
export function registerDeepLinks(app: App, desktop: DesktopService, onLink: () => void): void {
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  const open = (url: unknown) => {
    // A refused link is dropped silently: the caller may be hostile, and there is nothing to show.
    if (desktop.openDeepLink(url)) onLink();
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    open(url);
  });
  const linkIn = (argv: readonly string[]) => argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
  app.on('second-instance', (_event, argv) => {
    const link = linkIn(argv);
    if (link) open(link);
  });
  // The link that started the app waits in DesktopService until the window asks for it.
  const initial = linkIn(process.argv);
  if (initial) desktop.openDeepLink(initial);
}

/** Collects 'open-url' links until registerDeepLinks takes over (macOS sends the launch link early). */
export function collectEarlyDeepLinks(app: App): { take(): string[]; stop(): void } {
  const links: string[] = [];
  const listener = (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    links.push(url);
  };
  app.on('open-url', listener);
  return {
    take: () => links.splice(0),
    stop: () => void app.off('open-url', listener),
  };
}
