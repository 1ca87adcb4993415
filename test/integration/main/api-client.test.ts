import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HealthSchema } from '../../../shared/api';
import { ApiClient, type FetchLike } from '../../../main/services/api/api-client';
import { NetworkMonitor } from '../../../main/services/network/network-monitor';
import { startTestApi, type TestApi } from '../server/helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

const counting = (inner: FetchLike = fetch) => {
  const calls: string[] = [];
  const f: FetchLike = (input, init) => (calls.push(`${init?.method ?? 'GET'} ${String(input)}`), inner(input, init));
  return { fetch: f, calls };
};

describe('API client against the live reference API', () => {
  it('reads through the injected fetch and validates the answer', async () => {
    const { fetch: f, calls } = counting();
    const client = new ApiClient({ baseUrl: api.url, fetch: f });
    const health = await client.request({ method: 'GET', path: '/health', schema: HealthSchema });
    expect(health.status).toBe('ok');
    expect(calls).toHaveLength(1);
  });

  it('turns a server error body into a typed error with its code', async () => {
    const client = new ApiClient({ baseUrl: api.url, fetch });
    await expect(client.request({ method: 'GET', path: '/no-such-route', schema: z.unknown() })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.request({ method: 'GET', path: '/me', schema: z.unknown() })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('retries an idempotent call when the server is unreachable, and says offline in plain words', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { fetch: f, calls } = counting();
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, fetch: f, retries: 2, sleep: async () => undefined });
    await expect(client.request({ method: 'GET', path: '/health', schema: HealthSchema })).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringContaining(`127.0.0.1:${port}`),
    });
    expect(calls).toHaveLength(3);
  });

  it('never retries a call that is not idempotent', async () => {
    const flaky = createServer((_req, res) => res.writeHead(503, { 'Content-Type': 'application/json' }).end('{}'));
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', () => r()));
    const { fetch: f, calls } = counting();
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`, fetch: f, sleep: async () => undefined });
    await expect(client.request({ method: 'POST', path: '/tickets', schema: z.unknown(), body: {} })).rejects.toMatchObject({ code: 'server' });
    expect(calls).toHaveLength(1);
    await expect(client.request({ method: 'GET', path: '/tickets', schema: z.unknown() })).rejects.toMatchObject({ code: 'server' });
    expect(calls).toHaveLength(4);
    flaky.close();
  });

  it('refuses a plain-http API URL that is not on this computer', () => {
    expect(() => new ApiClient({ baseUrl: 'http://support.example.com', fetch })).toThrowError(expect.objectContaining({ code: 'insecure_url' }));
  });
});

describe('online indicator', () => {
  it('is online when the API answers and offline with a reason when it does not', async () => {
    const monitor = new NetworkMonitor(new ApiClient({ baseUrl: api.url, fetch }));
    const changes: boolean[] = [];
    monitor.onDidChange.on((s) => changes.push(s.online));
    expect((await monitor.check()).online).toBe(true);
    const down = new NetworkMonitor(new ApiClient({ baseUrl: 'http://127.0.0.1:9', fetch, retries: 0 }));
    const status = await down.check();
    expect(status).toMatchObject({ online: false, problem: expect.stringContaining('Cannot reach') });
    expect(changes).toEqual([true]);
  });
});
