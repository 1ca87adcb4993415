import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FetchLike } from '../api/api-client';
import { evaluatePac } from './pac-evaluator';
import { bypassesProxy } from './proxy-bypass';
import type { ProxyPlatform, ProxyRules } from './proxy-config';

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
    switch (this.rules.mode) {
      case 'direct':
        return 'DIRECT';
      case 'fixed_servers':
        return bypassesProxy(target, this.rules.proxyBypassRules, 'chromium') ? 'DIRECT' : `PROXY ${this.rules.proxyRules.split(';')[0]!.replace(/^\w+:\/\//, '')}`;
      case 'pac_script':
        return evaluatePac(await this.loadPac(this.rules.pacScript), target.toString());
      case 'system': {
        const proxy = target.protocol === 'https:' ? (this.env.HTTPS_PROXY ?? this.env.https_proxy) : (this.env.HTTP_PROXY ?? this.env.http_proxy);
        // Loopback never goes through a proxy: the embedded API and the sign-in redirect live there.
        const noProxy = this.env.no_proxy ?? this.env.NO_PROXY ?? '';
        if (!proxy || bypassesProxy(target, '<local>', 'chromium') || bypassesProxy(target, noProxy, 'no_proxy')) return 'DIRECT';
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
