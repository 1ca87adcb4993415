import { describe, expect, it } from 'vitest';
import { evaluatePac } from '../../../main/services/desktop/pac-evaluator';
import { parseProxyList, proxyRulesFor } from '../../../main/services/desktop/proxy-config';

const PAC = `function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, '.corp.example')) return 'DIRECT';
  if (isInNet(host, '10.0.0.0', '255.0.0.0')) return 'DIRECT';
  if (shExpMatch(host, '*.support.example')) return 'PROXY proxy-a.corp.example:8080; PROXY proxy-b.corp.example:8080; DIRECT';
  return 'PROXY proxy-a.corp.example:8080';
}`;

describe('proxy settings and PAC answers', () => {
  it('turns each Settings choice into the session proxy rules, never proxying loopback in manual mode', () => {
    expect(proxyRulesFor({ mode: 'system' })).toEqual({ mode: 'system' });
    expect(proxyRulesFor({ mode: 'none' })).toEqual({ mode: 'direct' });
    expect(proxyRulesFor({ mode: 'pac', pacUrl: 'http://wpad/proxy.pac' })).toEqual({ mode: 'pac_script', pacScript: 'http://wpad/proxy.pac' });
    expect(proxyRulesFor({ mode: 'manual', server: 'proxy:3128', bypass: '*.corp.example' })).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'proxy:3128',
      proxyBypassRules: '<local>,*.corp.example',
    });
  });

  it('evaluates a PAC script with the standard helper functions', async () => {
    expect(await evaluatePac(PAC, 'https://intranet/')).toBe('DIRECT');
    expect(await evaluatePac(PAC, 'https://wiki.corp.example/')).toBe('DIRECT');
    expect(await evaluatePac(PAC, 'https://10.2.3.4/')).toBe('DIRECT');
    expect(await evaluatePac(PAC, 'https://api.support.example/health')).toBe('PROXY proxy-a.corp.example:8080; PROXY proxy-b.corp.example:8080; DIRECT');
    expect(await evaluatePac(PAC, 'https://example.org/')).toBe('PROXY proxy-a.corp.example:8080');
  });

  it('reads the hops of a proxy list, ignoring entries it does not understand', () => {
    expect(parseProxyList('PROXY a.example:8080; HTTPS [::1]:443; garbage; SOCKS5 s:1080; DIRECT')).toEqual([
      { type: 'PROXY', host: 'a.example', port: 8080 },
      { type: 'HTTPS', host: '::1', port: 443 },
      { type: 'SOCKS5', host: 's', port: 1080 },
      { type: 'DIRECT' },
    ]);
    expect(parseProxyList('')).toEqual([]);
  });
});
