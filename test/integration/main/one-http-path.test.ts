import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiClient } from '../../../main/services/api/api-client';
import { DownloadManager, expectedHashVerifier } from '../../../main/services/downloads';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import { TicketsRemote } from '../../../main/services/tickets/tickets-remote';

/**
 * Every call to the Support API leaves through the one axios client: JSON calls, downloads and
 * attachment transfers alike carry the same bearer token, report reachability, end the session on
 * a 401 and honour Retry-After. A real HTTP server on loopback answers; it records what it saw.
 */
type Handler = (request: IncomingMessage, body: Buffer) => { status: number; headers?: Record<string, string>; body?: string | Buffer };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(handler: Handler): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push(request);
      const answer = handler(request, Buffer.concat(chunks));
      response.writeHead(answer.status, answer.headers ?? {});
      response.end(answer.body ?? '');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const FILE = Buffer.from('the package bytes '.repeat(1000));
const FILE_SHA = createHash('sha256').update(FILE).digest('hex');
const json = (value: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

function client(url: string, events: string[], sleeps: number[] = []) {
  return new ApiClient({
    baseUrl: url,
    fetch,
    getAccessToken: async () => 'T0KEN',
    onReachability: (reachable) => events.push(reachable ? 'reachable' : 'unreachable'),
    onUnauthorized: () => events.push('unauthorized'),
    sleep: async (ms) => void sleeps.push(ms),
  });
}

describe('one HTTP path for every call to the Support API', () => {
  it('sends JSON calls, a download and both attachment transfers through the same client with the same token', async () => {
    const { url, seen } = await serve((request) => {
      if (request.url === '/me') return json({ ok: true });
      if (request.url === '/files/pkg.bin') return { status: 200, headers: { etag: '"v1"', 'content-length': String(FILE.length) }, body: FILE };
      if (request.url === '/tickets/t1/attachments/a1') return { status: 200, body: 'attachment bytes' };
      if (request.url === '/tickets/t1/attachments') return json({ id: 'a2', name: 'log.txt', size: 3, sha256: 'a'.repeat(64), createdAt: '2026-01-01T00:00:00.000Z' });
      return { status: 404 };
    });
    const events: string[] = [];
    const api = client(url, events);
    await api.request({ method: 'GET', path: '/me', schema: z.object({ ok: z.boolean() }) });

    const dir = mkdtempSync(join(tmpdir(), 'esd-http-path-'));
    const downloads = new DownloadManager({ db: openLocalDatabase(join(dir, 'local.sqlite')), api, fetch, baseUrl: url, getAccessToken: async () => 'unused', downloadFolder: () => dir, quarantineFolder: join(dir, 'q') });
    downloads.registerVerifier('test', expectedHashVerifier);
    downloads.start();
    const job = await downloads.enqueue({ kind: 'test', url: '/files/pkg.bin', fileName: 'pkg.bin', expectedSize: FILE.length, expectedSha256: FILE_SHA });
    expect((await downloads.whenSettled(job.id)).state).toBe('passed');
    await downloads.dispose();

    const remote = new TicketsRemote(api);
    expect(await new Response(await remote.downloadAttachment('t1', 'a1')).text()).toBe('attachment bytes');
    const upload = join(dir, 'log.txt');
    writeFileSync(upload, 'abc');
    await remote.uploadAttachment('t1', { path: upload, name: 'log.txt', size: 3 }, 'key-1', () => undefined);

    expect(seen.map((request) => request.url)).toEqual(['/me', '/files/pkg.bin', '/tickets/t1/attachments/a1', '/tickets/t1/attachments']);
    for (const request of seen) {
      expect({ url: request.url, auth: request.headers.authorization }).toEqual({ url: request.url, auth: 'Bearer T0KEN' });
      // axios names itself: a request that went around the client (a bare fetch says "node") shows here.
      expect({ url: request.url, agent: request.headers['user-agent'] }).toEqual({ url: request.url, agent: expect.stringMatching(/^axios\//) });
    }
    expect(seen[3]!.headers['idempotency-key']).toBe('key-1');
    expect(events.every((event) => event === 'reachable')).toBe(true);
  });

  it('ends the session on a 401 and reports an unreachable service, for a download as for any call', async () => {
    const { url } = await serve(() => ({ status: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'unauthorized', message: 'Token expired.' } }) }));
    const events: string[] = [];
    const remote = new TicketsRemote(client(url, events));
    await expect(remote.downloadAttachment('t1', 'a1')).rejects.toMatchObject({ code: 'unauthorized', message: 'Token expired.' });
    expect(events).toEqual(['reachable', 'unauthorized']);

    const closed = new TicketsRemote(client('http://127.0.0.1:9', events));
    await expect(closed.downloadAttachment('t1', 'a1')).rejects.toMatchObject({ code: 'offline' });
    expect(events.at(-1)).toBe('unreachable');
  });

  it('waits as long as Retry-After asks, in seconds or as an HTTP-date, then retries', async () => {
    let calls = 0;
    const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
    const { url } = await serve(() => {
      calls++;
      if (calls === 1) return { status: 503, headers: { 'retry-after': '3' } };
      if (calls === 2) return { status: 429, headers: { 'retry-after': inFiveSeconds } };
      return json({ ok: true });
    });
    const sleeps: number[] = [];
    const api = client(url, [], sleeps);
    expect(await api.request({ method: 'GET', path: '/me', schema: z.object({ ok: z.boolean() }) })).toEqual({ ok: true });
    expect(calls).toBe(3);
    expect(sleeps[0]).toBe(3_000); // the backoff alone would be 150-300 ms
    expect(sleeps[1]).toBeGreaterThan(3_000); // an HTTP-date counts in whole seconds, and the first wait was not slept for real
    expect(sleeps[1]).toBeLessThanOrEqual(5_000);
  });

  it('leaves a long Retry-After to the outbox instead of holding an interactive call, and says how long', async () => {
    let calls = 0;
    const { url } = await serve(() => {
      calls++;
      return { status: 429, headers: { 'retry-after': '120', 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } }) };
    });
    const sleeps: number[] = [];
    await expect(client(url, [], sleeps).request({ method: 'GET', path: '/me', schema: z.object({}) })).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 120_000 });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
