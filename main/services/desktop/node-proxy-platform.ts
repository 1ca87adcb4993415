import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FetchLike } from '../api/api-client';
import { evaluatePac } from './pac-evaluator';
import type { ProxyPlatform, ProxyRules } from './proxy-config';

/** Hosts in a Chromium bypass list ("<local>, *.corp.example, 10.0.0.1"). */
function bypassed(host: string, rules: string): boolean {
  return rules
    .split(',')
    .map((rule) => rule.trim().toLowerCase())
    .filter(Boolean)
    .some((rule) => {
      if (rule === '<local>') return !host.includes('.') || host === '127.0.0.1' || host === '::1' || host === 'localhost';
      if (rule.startsWith('*.')) return host.endsWith(rule.slice(1));
      if (rule.startsWith('.')) return host.endsWith(rule);
      return host === rule;
    });
}

/**
 * The ProxyPlatform outside Electron (browser preview, tests): the same rules the app hands to
 * session.setProxy, resolved the way Chromium would for PAC and manual modes. "system" reads the
 * conventional environment variables, which is what a Node process has instead of OS settings.
 */
export class NodeProxyPlatform implements ProxyPlatform {
  private rules: ProxyRules = { mode: 'system' };

  constructor(
    private readonly fetch: FetchLike,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async apply(rules: ProxyRules): Promise<void> {
    this.rules = rules;
  }

  async resolve(url: string): Promise<string> {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    switch (this.rules.mode) {
      case 'direct':
        return 'DIRECT';
      case 'fixed_servers':
        return bypassed(host, this.rules.proxyBypassRules) ? 'DIRECT' : `PROXY ${this.rules.proxyRules.split(';')[0]!.replace(/^\w+:\/\//, '')}`;
      case 'pac_script':
        return evaluatePac(await this.loadPac(this.rules.pacScript), target.toString());
      case 'system': {
        const proxy = target.protocol === 'https:' ? (this.env.HTTPS_PROXY ?? this.env.https_proxy) : (this.env.HTTP_PROXY ?? this.env.http_proxy);
        if (!proxy || bypassed(host, `<local>,${this.env.NO_PROXY ?? this.env.no_proxy ?? ''}`)) return 'DIRECT';
        return `PROXY ${new URL(proxy).host}`;
      }
    }
  }

  private async loadPac(location: string): Promise<string> {
    if (location.startsWith('file:')) return readFile(fileURLToPath(location), 'utf8');
    const response = await this.fetch(location, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`The PAC script could not be downloaded (HTTP ${response.status}).`);
    return response.text();
  }
}
