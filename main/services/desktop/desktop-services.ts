import type { FetchLike } from '../api/api-client';
import type { SettingsService } from '../settings/settings-service';
import { DesktopService } from './desktop-service';
import { runNetworkDiagnostics } from './network-diagnostics';
import { NotificationCenter } from './notification-center';
import { NodeProxyPlatform } from './node-proxy-platform';
import { proxyRulesFor, type ProxyPlatform } from './proxy-config';
import { ProxyLoginService } from './proxy-login';
import { UpdateService, type UpdaterAdapter } from './update-service';

export interface DesktopDeps {
  apiUrl: string;
  fetch: FetchLike;
  settings: SettingsService;
  /** Electron's session in the app; the Node resolver in the preview and tests. */
  proxy?: ProxyPlatform | undefined;
  /** electron-updater in a packaged app; none in development and the preview (updates off). */
  updater?: UpdaterAdapter | null | undefined;
}

/** The desktop domain's services, built once by main/compose.ts. */
export function createDesktopServices(deps: DesktopDeps) {
  const proxy = deps.proxy ?? new NodeProxyPlatform(deps.fetch);
  const proxyLogin = new ProxyLoginService();
  const updates = new UpdateService(deps.updater ?? null);
  const navigation = new DesktopService();
  const notifications = new NotificationCenter(deps.settings);

  let appliedProxy = JSON.stringify(deps.settings.get().proxy);
  // Awaited by the app before its first request, so nothing leaves through the wrong route.
  const proxyApplied = proxy.apply(proxyRulesFor(deps.settings.get().proxy));
  const unsubscribe = deps.settings.onDidChange.on((settings) => {
    const next = JSON.stringify(settings.proxy);
    if (next === appliedProxy) return;
    appliedProxy = next;
    proxyLogin.reset();
    void proxy.apply(proxyRulesFor(settings.proxy));
  });

  return {
    navigation,
    notifications,
    proxyLogin,
    updates,
    proxyApplied,
    diagnose: () => runNetworkDiagnostics({ apiUrl: deps.apiUrl, fetch: deps.fetch, proxy, proxySettings: () => deps.settings.get().proxy }),
    dispose: () => {
      unsubscribe();
      proxyLogin.reset();
    },
  };
}
