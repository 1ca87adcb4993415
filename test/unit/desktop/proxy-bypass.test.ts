import { describe, expect, it } from 'vitest';
import { NodeProxyPlatform } from '../../../main/services/desktop/node-proxy-platform';

const unusedFetch = async (): Promise<never> => {
  throw new Error('no PAC download in these tests');
};

async function systemAnswer(url: string, noProxy: string): Promise<string> {
  const platform = new NodeProxyPlatform(unusedFetch, { HTTPS_PROXY: 'http://proxy.corp.example:3128', HTTP_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: noProxy });
  return platform.resolve(url);
}

async function manualAnswer(url: string, bypass: string): Promise<string> {
  const platform = new NodeProxyPlatform(unusedFetch, {});
  await platform.apply({ mode: 'fixed_servers', proxyRules: 'proxy.corp.example:3128', proxyBypassRules: `<local>,${bypass}` });
  return platform.resolve(url);
}

const PROXIED = 'PROXY proxy.corp.example:3128';

describe('NO_PROXY, as curl and Go read it (the "system" proxy outside Electron)', () => {
  it('covers a domain and its subdomains, with or without a leading dot, and nothing that merely ends the same', async () => {
    expect(await systemAnswer('https://corp.example/', 'corp.example')).toBe('DIRECT');
    expect(await systemAnswer('https://wiki.eu.corp.example/', 'corp.example')).toBe('DIRECT');
    expect(await systemAnswer('https://wiki.corp.example/', '.corp.example')).toBe('DIRECT');
    expect(await systemAnswer('https://corp.example/', '.corp.example')).toBe('DIRECT');
    expect(await systemAnswer('https://evilcorp.example/', 'corp.example')).toBe(PROXIED);
    expect(await systemAnswer('https://api.support.example/', 'corp.example, other.example')).toBe(PROXIED);
    expect(await systemAnswer('https://API.Corp.Example/', 'corp.example')).toBe('DIRECT');
  });

  it('takes * for every host, and an empty list for none', async () => {
    expect(await systemAnswer('https://api.support.example/', '*')).toBe('DIRECT');
    expect(await systemAnswer('https://api.support.example/', '')).toBe(PROXIED);
  });

  it('covers IPv4 and IPv6 ranges in CIDR notation, and single addresses', async () => {
    expect(await systemAnswer('https://10.20.30.40/', '10.0.0.0/8')).toBe('DIRECT');
    expect(await systemAnswer('https://11.0.0.1/', '10.0.0.0/8')).toBe(PROXIED);
    expect(await systemAnswer('https://192.168.1.9/', '192.168.1.0/24,172.16.0.0/12')).toBe('DIRECT');
    expect(await systemAnswer('https://172.31.255.1/', '192.168.1.0/24,172.16.0.0/12')).toBe('DIRECT');
    expect(await systemAnswer('https://172.32.0.1/', '172.16.0.0/12')).toBe(PROXIED);
    expect(await systemAnswer('https://[fd00::1]/', 'fd00::/8')).toBe('DIRECT');
    expect(await systemAnswer('https://[fe80::1]/', 'fd00::/8')).toBe(PROXIED);
    expect(await systemAnswer('https://203.0.113.5/', '203.0.113.5')).toBe('DIRECT');
    // A host name is never "in" a range, and a malformed range covers nothing.
    expect(await systemAnswer('https://ten.example/', '10.0.0.0/8')).toBe(PROXIED);
    expect(await systemAnswer('https://10.0.0.1/', '10.0.0.0/99')).toBe(PROXIED);
  });

  it('honours a port when the entry names one, counting the scheme default', async () => {
    expect(await systemAnswer('https://corp.example:8443/', 'corp.example:8443')).toBe('DIRECT');
    expect(await systemAnswer('https://corp.example/', 'corp.example:8443')).toBe(PROXIED);
    expect(await systemAnswer('https://corp.example/', 'corp.example:443')).toBe('DIRECT');
  });

  it('never proxies loopback, whatever NO_PROXY says', async () => {
    expect(await systemAnswer('http://127.0.0.1:4100/', '')).toBe('DIRECT');
    expect(await systemAnswer('http://localhost:4100/', '')).toBe('DIRECT');
  });
});

describe("manual mode's bypass list, as Chromium reads it", () => {
  it('takes *.domain and .domain for subdomains, a bare name for itself only, ranges and <local>', async () => {
    expect(await manualAnswer('https://wiki.corp.example/', '*.corp.example')).toBe('DIRECT');
    expect(await manualAnswer('https://wiki.corp.example/', '.corp.example')).toBe('DIRECT');
    expect(await manualAnswer('https://wiki.corp.example/', 'corp.example')).toBe(PROXIED);
    expect(await manualAnswer('https://corp.example/', 'corp.example')).toBe('DIRECT');
    expect(await manualAnswer('https://10.1.2.3/', '10.0.0.0/8')).toBe('DIRECT');
    expect(await manualAnswer('https://intranet/', '')).toBe('DIRECT');
    expect(await manualAnswer('https://api.support.example/', '')).toBe(PROXIED);
  });
});
