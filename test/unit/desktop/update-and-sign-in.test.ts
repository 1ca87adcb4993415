import { describe, expect, it, vi } from 'vitest';
import { withProxySignIn } from '../../../main/services/desktop/proxy-sign-in-fetch';
import { UpdateService } from '../../../main/services/desktop/update-service';

describe('update service states', () => {
  it('reports an unreachable feed in words and can check again', async () => {
    const check = vi.fn().mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED')).mockResolvedValueOnce(null);
    const service = new UpdateService({ check, download: vi.fn(), install: vi.fn() });
    expect(await service.check()).toEqual({ state: 'failed', reason: 'network', detail: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(await service.check()).toMatchObject({ state: 'current' });
  });

  it('a failed download installs nothing and says so', async () => {
    const install = vi.fn();
    const service = new UpdateService({ check: async () => ({ version: '2.0.0', sha512: 'x' }), download: async () => Promise.reject(new Error('ECONNRESET')), install });
    await service.check();
    expect(await service.download()).toEqual({ state: 'failed', reason: 'network', detail: 'ECONNRESET' });
    expect(install).not.toHaveBeenCalled();
  });
});

describe('proxy sign-in around session.fetch', () => {
  const proxyAnswer = () => new Response('Proxy authentication required', { status: 407 });

  it('signs in once and repeats the request after a 407', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(proxyAnswer()).mockResolvedValueOnce(new Response('ok'));
    const authenticate = vi.fn(async () => true);
    const response = await withProxySignIn(fetch, authenticate)('https://api.example/health', { method: 'GET' });
    expect(await response.text()).toBe('ok');
    expect(authenticate).toHaveBeenCalledWith('https://api.example/health');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a request whose body was a stream (it cannot be sent twice): the 407 comes back', async () => {
    const fetch = vi.fn(async () => proxyAnswer());
    const authenticate = vi.fn(async () => true);
    const body = new ReadableStream({ start: (controller) => controller.close() });
    const response = await withProxySignIn(fetch, authenticate)('https://api.example/upload', { method: 'POST', body });
    expect(response.status).toBe(407);
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('returns the 407 when the user cancels the prompt', async () => {
    const fetch = vi.fn(async () => proxyAnswer());
    const response = await withProxySignIn(fetch, async () => false)('https://api.example/health');
    expect(response.status).toBe(407);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
