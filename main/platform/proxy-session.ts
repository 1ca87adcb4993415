import type { App, AuthInfo, Net, Session } from 'electron';
import type { ProxyPlatform, ProxyRules } from '../services/desktop/proxy-config';
import type { ProxyLoginService } from '../services/desktop/proxy-login';

/** The proxy settings applied to Electron's network stack, and its own answer for a URL. */
export function electronProxyPlatform(session: Pick<Session, 'setProxy' | 'resolveProxy' | 'closeAllConnections'>): ProxyPlatform {
  return {
    async apply(rules: ProxyRules) {
      await session.setProxy(rules);
      // Open keep-alive sockets would otherwise keep using the old route.
      await session.closeAllConnections();
    },
    resolve: (url) => session.resolveProxy(url),
  };
}

type LoginCallback = (username?: string, password?: string) => void;

function answer(proxyLogin: ProxyLoginService, authInfo: AuthInfo, callback: LoginCallback): void {
  void proxyLogin
    .credentialsFor({ host: authInfo.host, port: authInfo.port, ...(authInfo.realm ? { realm: authInfo.realm } : {}) })
    .then((credentials) => (credentials ? callback(credentials.username, credentials.password) : callback()), () => callback());
}

/** Proxy challenges raised for web contents (the app 'login' event): ask the user. Site logins are refused. */
export function answerProxyLogins(app: Pick<App, 'on'>, proxyLogin: ProxyLoginService): void {
  app.on('login', (event, _contents, _details, authInfo, callback) => {
    event.preventDefault();
    if (!authInfo.isProxy) return callback();
    answer(proxyLogin, authInfo, callback);
  });
}

/**
 * session.fetch returns a proxy's 407 without raising 'login' (electron/electron#44249). This
 * sends one request through net.request, whose 'login' event can be answered; Chromium then keeps
 * the credentials in the session's auth cache and session.fetch's retry passes.
 */
export function proxyAuthenticator(net: Pick<Net, 'request'>, session: Session, proxyLogin: ProxyLoginService): (url: string) => Promise<boolean> {
  return (url) =>
    new Promise<boolean>((resolve) => {
      const request = net.request({ url, method: 'GET', session, useSessionCookies: false, redirect: 'manual' });
      request.on('login', (authInfo, callback) => (authInfo.isProxy ? answer(proxyLogin, authInfo, callback) : callback()));
      request.on('response', (response) => {
        response.on('data', () => undefined);
        resolve(response.statusCode !== 407);
      });
      request.on('redirect', () => {
        request.abort();
        resolve(true);
      });
      request.on('error', () => resolve(false));
      request.end();
    });
}
