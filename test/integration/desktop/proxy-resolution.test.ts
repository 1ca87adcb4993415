import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '../../../shared/api';
import { ApiClient } from '../../../main/services/api/api-client';
import { createDesktopServices } from '../../../main/services/desktop/desktop-services';
import { NodeProxyPlatform } from '../../../main/services/desktop/node-proxy-platform';
import { parseProxyList } from '../../../main/services/desktop/proxy-config';
import type { ProxyLoginRequest } from '../../../main/services/desktop/proxy-login';
import { withProxySignIn } from '../../../main/services/desktop/proxy-sign-in-fetch';
import { SettingsService } from '../../../main/services/settings/settings-service';
import { startTestApi, type TestApi } from '../server/helpers';
import { nodeNetworkStack, startAuthProxy } from './loopback-proxy';

const CREDENTIALS = { username: 'NORTHWIND\\alice', password: 'pr0xy-pass' };
let api: TestApi;
let proxy: Awaited<ReturnType<typeof startAuthProxy>>;
let pacUrl: string;

beforeAll(async () => {
  api = await startTestApi();
  proxy = await startAuthProxy(CREDENTIALS);
  const apiPort = new URL(api.url).port;
  // A PAC file as an administrator would write it: intranet direct, the support API through the proxy.
  const pacFile = join(mkdtempSync(join(tmpdir(), 'esd-pac-')), 'proxy.pac');
  writeFileSync(
    pacFile,
    `function FindProxyForURL(url, host) {
      if (isPlainHostName(host) || dnsDomainIs(host, '.corp.example')) return 'DIRECT';
      if (shExpMatch(url, 'http://127.0.0.1:${apiPort}/*')) return 'PROXY 127.0.0.1:${proxy.port}; DIRECT';
      return 'DIRECT';
    }`,
  );
  pacUrl = pathToFileURL(pacFile).toString();
});
afterAll(async () => {
  await proxy.close();
  await api.close();
});

/** The desktop services as main/compose.ts builds them, over a Node network stack that honours the PAC answer. */
async function desktopBehindProxy(answer: (request: ProxyLoginRequest) => { username: string; password: string } | null) {
  const settings = new SettingsService(new Conf({ projectName: 'esd-proxy-test', cwd: mkdtempSync(join(tmpdir(), 'esd-settings-')) }));
  settings.update({ proxy: { mode: 'pac', pacUrl } });
  const platform = new NodeProxyPlatform(globalThis.fetch);
  const stack = nodeNetworkStack(platform);
  const prompts: ProxyLoginRequest[] = [];
  // What main/platform does with net.request's 'login' event: ask the user, hand the answer to the network stack.
  const authenticate = async (url: string) => {
    const hop = parseProxyList(await platform.resolve(url))[0];
    if (!hop?.host || !hop.port) return false;
    const credentials = await desktop.proxyLogin.credentialsFor({ host: hop.host, port: hop.port });
    if (credentials) stack.rememberCredentials(hop.host, hop.port, credentials.username, credentials.password);
    return credentials !== null;
  };
  const fetch = withProxySignIn(stack.fetch, authenticate);
  const desktop = createDesktopServices({ apiUrl: api.url, fetch, settings, proxy: platform });
  desktop.proxyLogin.onDidRequest.on((request) => {
    prompts.push(request);
    // The renderer's prompt answers asynchronously, as a person would.
    setTimeout(() => desktop.proxyLogin.answer(request.id, answer(request)), 5);
  });
  await desktop.proxyApplied;
  return { desktop, settings, prompts, client: new ApiClient({ baseUrl: api.url, fetch, retries: 0 }) };
}

describe('enterprise proxy: PAC file and an authenticating proxy on loopback', () => {
  it('the diagnostics panel shows the proxy the PAC file picks for the API URL', async () => {
    const { desktop } = await desktopBehindProxy(() => CREDENTIALS);
    const result = await desktop.diagnose();
    expect(result.proxyMode).toBe('pac');
    expect(result.resolvedProxy).toBe(`PROXY 127.0.0.1:${proxy.port}; DIRECT`);
    expect(result.hops[0]).toEqual({ type: 'PROXY', host: '127.0.0.1', port: proxy.port });
  });

  it('before signing in to the proxy the connection test says the proxy wants credentials', async () => {
    const { desktop } = await desktopBehindProxy(() => null);
    const result = await desktop.diagnose();
    expect(result.test).toMatchObject({ ok: false, status: 407, problem: 'proxy_auth' });
  });

  it('asks for proxy credentials once, then API calls pass through the proxy', async () => {
    const { client, prompts } = await desktopBehindProxy(() => CREDENTIALS);
    const before = proxy.forwarded.length;
    const results = await Promise.all([1, 2, 3].map(() => client.request({ method: 'GET', path: '/health', schema: HealthSchema, auth: false })));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({ host: '127.0.0.1', port: proxy.port, retry: false });
    expect(proxy.forwarded.slice(before).filter((url) => url === `${api.url}/health`).length).toBeGreaterThanOrEqual(3);
  });

  it('after a wrong password the prompt says so and asks again; the right one gets through', async () => {
    let attempt = 0;
    const { client, prompts, desktop } = await desktopBehindProxy(() => (attempt++ === 0 ? { username: CREDENTIALS.username, password: 'wrong' } : CREDENTIALS));
    await expect(client.request({ method: 'GET', path: '/health', schema: HealthSchema, auth: false })).rejects.toMatchObject({ code: 'server' });
    await expect(client.request({ method: 'GET', path: '/health', schema: HealthSchema, auth: false })).resolves.toMatchObject({ status: 'ok' });
    expect(prompts.map((p) => p.retry)).toEqual([false, true]);
    expect((await desktop.diagnose()).test).toMatchObject({ ok: true, status: 200 });
  });

  it('cancelling the prompt stops asking until the proxy settings change', async () => {
    const { client, prompts, settings } = await desktopBehindProxy(() => null);
    for (let i = 0; i < 3; i++) await client.request({ method: 'GET', path: '/health', schema: HealthSchema, auth: false }).catch(() => undefined);
    expect(prompts).toHaveLength(1);
    settings.update({ proxy: { mode: 'manual', server: `127.0.0.1:${proxy.port}`, bypass: '' } });
    settings.update({ proxy: { mode: 'pac', pacUrl } });
    await client.request({ method: 'GET', path: '/health', schema: HealthSchema, auth: false }).catch(() => undefined);
    expect(prompts).toHaveLength(2);
  });

  it('a manual proxy never takes loopback traffic, and "none" goes direct', async () => {
    const { desktop, settings } = await desktopBehindProxy(() => CREDENTIALS);
    settings.update({ proxy: { mode: 'manual', server: `127.0.0.1:${proxy.port}`, bypass: '*.corp.example' } });
    // A platform may apply new rules asynchronously (Electron's setProxy does): wait for the answer, not a time.
    await expect.poll(async () => (await desktop.diagnose()).resolvedProxy).toBe('DIRECT');
    settings.update({ proxy: { mode: 'none' } });
    await expect.poll(async () => desktop.diagnose()).toMatchObject({ proxyMode: 'none', resolvedProxy: 'DIRECT', test: { ok: true } });
  });

  it('a PAC file that cannot be read is reported in the diagnostics instead of failing silently', async () => {
    const { desktop, settings } = await desktopBehindProxy(() => CREDENTIALS);
    settings.update({ proxy: { mode: 'pac', pacUrl: pathToFileURL(join(tmpdir(), 'no-such-dir-esd', 'missing.pac')).toString() } });
    await expect.poll(async () => (await desktop.diagnose()).proxyProblem).toMatch(/ENOENT|no such file/i);
    expect((await desktop.diagnose()).resolvedProxy).toBe('');
  });
});
