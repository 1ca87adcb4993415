import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetworkDiagnostics } from '../../../main/services/desktop/network-diagnostics';
import { NodeProxyPlatform } from '../../../main/services/desktop/node-proxy-platform';
import { startUntrustedTlsServer } from '../helpers/untrusted-tls-server';

let untrusted: Awaited<ReturnType<typeof startUntrustedTlsServer>>;
let url: string;

// An API behind a certificate nobody trusts, like a TLS-inspecting gateway whose root CA is not installed.
beforeAll(async () => {
  untrusted = await startUntrustedTlsServer();
  url = untrusted.url;
});
afterAll(() => untrusted.close());

describe('connection test', () => {
  it('explains an untrusted certificate in plain words instead of a raw TLS code (P6.1: no silent downgrade)', async () => {
    const proxy = new NodeProxyPlatform(globalThis.fetch, {});
    const result = await runNetworkDiagnostics({ apiUrl: url, fetch: globalThis.fetch, proxy, proxySettings: () => ({ mode: 'system' }) });
    expect(result.resolvedProxy).toBe('DIRECT');
    expect(result.test).toMatchObject({ ok: false, problem: 'tls_untrusted' });
    expect(result.test.detail).toMatch(/SELF_SIGNED|self-signed/i);
  });

  it('reports a refused connection when nothing listens at the API address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const proxy = new NodeProxyPlatform(globalThis.fetch, {});
    const result = await runNetworkDiagnostics({ apiUrl: `https://127.0.0.1:${port}`, fetch: globalThis.fetch, proxy, proxySettings: () => ({ mode: 'none' }) });
    expect(result.test).toMatchObject({ ok: false, problem: 'refused' });
  });
});
