import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { answerProxyLogins, electronProxyPlatform, proxyAuthenticator } from '../../../main/platform/proxy-session';
import { ProxyLoginService } from '../../../main/services/desktop/proxy-login';

// main/platform imports only Electron's types here, so fakes stand in for app, session and net.
const authInfo = (isProxy: boolean) => ({ isProxy, scheme: 'basic', host: 'proxy.corp.example', port: 8080, realm: 'Corp' });

function promptAnswering(credentials: { username: string; password: string } | null) {
  const proxyLogin = new ProxyLoginService();
  const prompts: unknown[] = [];
  proxyLogin.onDidRequest.on((request) => {
    prompts.push(request);
    queueMicrotask(() => proxyLogin.answer(request.id, credentials));
  });
  return { proxyLogin, prompts };
}

describe('Electron proxy adapters', () => {
  it('applies the proxy rules to the session and drops open connections so they take effect', async () => {
    const calls: string[] = [];
    const session = {
      setProxy: vi.fn(async () => void calls.push('setProxy')),
      closeAllConnections: vi.fn(async () => void calls.push('close')),
      resolveProxy: vi.fn(async () => 'PROXY p:1'),
    };
    const platform = electronProxyPlatform(session as never);
    await platform.apply({ mode: 'pac_script', pacScript: 'http://wpad/proxy.pac' });
    expect(session.setProxy).toHaveBeenCalledWith({ mode: 'pac_script', pacScript: 'http://wpad/proxy.pac' });
    expect(calls).toEqual(['setProxy', 'close']);
    expect(await platform.resolve('https://api.example/')).toBe('PROXY p:1');
  });

  it("answers a proxy's 'login' challenge with what the user typed, and refuses a website's", async () => {
    const app = new EventEmitter();
    const { proxyLogin, prompts } = promptAnswering({ username: 'alice', password: 'pw' });
    answerProxyLogins(app as never, proxyLogin);
    const proxyCallback = vi.fn();
    const event = { preventDefault: vi.fn() };
    app.emit('login', event, null, {}, authInfo(true), proxyCallback);
    await vi.waitFor(() => expect(proxyCallback).toHaveBeenCalledWith('alice', 'pw'));
    expect(prompts).toEqual([expect.objectContaining({ host: 'proxy.corp.example', port: 8080, realm: 'Corp' })]);
    const siteCallback = vi.fn();
    app.emit('login', event, null, {}, authInfo(false), siteCallback);
    expect(siteCallback).toHaveBeenCalledWith();
    expect(prompts).toHaveLength(1);
  });

  it('signs in to the proxy through net.request when session.fetch got a 407', async () => {
    const { proxyLogin } = promptAnswering({ username: 'alice', password: 'pw' });
    const request = Object.assign(new EventEmitter(), { end: vi.fn(), abort: vi.fn() });
    const net = { request: vi.fn(() => request) };
    const signedIn = proxyAuthenticator(net as never, {} as never, proxyLogin)('https://api.example/health');
    const callback = vi.fn((username?: string) => {
      if (username) request.emit('response', Object.assign(new EventEmitter(), { statusCode: 200 }));
    });
    request.emit('login', authInfo(true), callback);
    expect(await signedIn).toBe(true);
    expect(callback).toHaveBeenCalledWith('alice', 'pw');
  });

  it('reports failure when the user cancels the proxy prompt', async () => {
    const { proxyLogin } = promptAnswering(null);
    const request = Object.assign(new EventEmitter(), { end: vi.fn(), abort: vi.fn() });
    const signedIn = proxyAuthenticator({ request: () => request } as never, {} as never, proxyLogin)('https://api.example/health');
    request.emit('login', authInfo(true), () => request.emit('response', Object.assign(new EventEmitter(), { statusCode: 407 })));
    expect(await signedIn).toBe(false);
  });
});
