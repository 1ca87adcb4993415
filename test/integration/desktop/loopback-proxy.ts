import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchLike } from '../../../main/services/api/api-client';
import { parseProxyList, type ProxyPlatform } from '../../../main/services/desktop/proxy-config';

/**
 * A corporate HTTP proxy on loopback that demands Basic credentials (407 otherwise) and forwards
 * absolute-form requests. It records what passed through so tests can see traffic really used it.
 */
export async function startAuthProxy(credentials: { username: string; password: string }, realm = 'Northwind proxy') {
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const forwarded: string[] = [];
  let challenges = 0;
  const server: Server = createServer((req, res) => {
    if (req.headers['proxy-authorization'] !== expected) {
      challenges++;
      res.writeHead(407, { 'Proxy-Authenticate': `Basic realm="${realm}"`, 'Content-Type': 'text/plain' }).end('Proxy authentication required');
      return;
    }
    const target = new URL(req.url ?? '');
    forwarded.push(target.toString());
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    forwarded,
    challenges: () => challenges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Stands in for Chromium's network stack in plain Node: asks the ProxyPlatform which route a URL
 * takes, sends http requests through the chosen proxy, and keeps proxy credentials in an auth
 * cache once they are known. Like session.fetch, it returns a proxy's 407 instead of prompting.
 */
export function nodeNetworkStack(proxy: ProxyPlatform) {
  const authCache = new Map<string, string>();
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input : input.url);
    const hop = parseProxyList(await proxy.resolve(url.toString()))[0];
    if (!hop || hop.type === 'DIRECT') return globalThis.fetch(url, init);
    const key = `${hop.host}:${hop.port}`;
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      const headers: Record<string, string> = { Host: url.host, ...(authCache.has(key) ? { 'Proxy-Authorization': authCache.get(key)! } : {}) };
      const req = request({ host: hop.host, port: hop.port, method: init?.method ?? 'GET', path: url.toString(), headers }, resolve);
      req.on('error', reject);
      req.end(typeof init?.body === 'string' ? init.body : undefined);
    });
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
    return new Response(Buffer.concat(chunks), { status: answer.statusCode ?? 502, headers: responseHeaders });
  };
  return {
    fetch,
    /** What Chromium does after the 'login' callback gets credentials: remember them for that proxy. */
    rememberCredentials: (host: string, port: number, username: string, password: string) =>
      authCache.set(`${host}:${port}`, `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`),
  };
}
