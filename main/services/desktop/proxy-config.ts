import type { ProxySettings } from '../../../shared/contract/settings';

/** The shape of Electron's ProxyConfig (session.setProxy), declared here so services stay Electron-free. */
export type ProxyRules =
  | { mode: 'system' }
  | { mode: 'direct' }
  | { mode: 'pac_script'; pacScript: string }
  | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules: string };

/** What main/platform implements over session.setProxy/resolveProxy, and plain Node over a PAC evaluator. */
export interface ProxyPlatform {
  apply(rules: ProxyRules): Promise<void>;
  /** Chromium's answer for a URL: "DIRECT", or "PROXY host:port; DIRECT" and similar. */
  resolve(url: string): Promise<string>;
}

export function proxyRulesFor(settings: ProxySettings): ProxyRules {
  switch (settings.mode) {
    case 'system':
      return { mode: 'system' };
    case 'none':
      return { mode: 'direct' };
    case 'pac':
      return { mode: 'pac_script', pacScript: settings.pacUrl };
    case 'manual':
      // Loopback never goes through the proxy: the embedded API and the sign-in redirect live there.
      return { mode: 'fixed_servers', proxyRules: settings.server, proxyBypassRules: ['<local>', settings.bypass].filter(Boolean).join(',') };
  }
}

export interface ProxyHop {
  type: 'DIRECT' | 'PROXY' | 'HTTPS' | 'SOCKS' | 'SOCKS4' | 'SOCKS5';
  host?: string;
  port?: number;
}

/** Parses a PAC / resolveProxy answer ("PROXY a:8080; DIRECT") into the hops tried in order. */
export function parseProxyList(answer: string): ProxyHop[] {
  const hops: ProxyHop[] = [];
  for (const part of answer.split(';')) {
    const [rawType, address] = part.trim().split(/\s+/);
    const type = rawType?.toUpperCase();
    if (type === 'DIRECT') hops.push({ type });
    else if ((type === 'PROXY' || type === 'HTTPS' || type === 'SOCKS' || type === 'SOCKS4' || type === 'SOCKS5') && address) {
      const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(address);
      if (match) hops.push({ type, host: match[1]!, port: Number(match[2]) });
    }
  }
  return hops;
}
