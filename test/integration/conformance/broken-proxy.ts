import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Deliberately broken implementations of the contract, made by putting a proxy with a realistic bug
 * in front of the real reference server:
 *   fresh-idempotency-keys  a gateway that rewrites every Idempotency-Key to a new one, so retries create duplicates;
 *   shared-ticket-cache     a cache that keys GET /tickets/<id> on the path alone (no Vary: Authorization),
 *                           so the owner's request is served to whoever asks next.
 */
export type Breakage = 'fresh-idempotency-keys' | 'shared-ticket-cache';

const TICKET_PATH = /^\/tickets\/[0-9a-f-]{36}$/;

export async function startBrokenProxy(target: string, breakage: Breakage): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const cache = new Map<string, { status: number; headers: IncomingHttpHeaders; body: Buffer }>();
  const server: Server = createServer((incoming, outgoing) => {
    const headers: IncomingHttpHeaders = { ...incoming.headers, host: upstream.host };
    if (breakage === 'fresh-idempotency-keys' && headers['idempotency-key']) headers['idempotency-key'] = `rewritten-${randomUUID()}`;
    const path = incoming.url ?? '/';
    const cacheable = breakage === 'shared-ticket-cache' && incoming.method === 'GET' && TICKET_PATH.test(path);
    const hit = cacheable ? cache.get(path) : undefined;
    if (hit) return void outgoing.writeHead(hit.status, hit.headers).end(hit.body);
    const forward = request({ host: upstream.hostname, port: upstream.port, method: incoming.method, path, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        if (cacheable && answer.statusCode === 200) cache.set(path, { status: 200, headers: answer.headers, body });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(body);
      });
    });
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
