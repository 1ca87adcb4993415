import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { DESKTOP_CLIENT_ID, OAuthErrorSchema } from '../../../shared/api';
import { refreshTokens, signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi } from './helpers';

/**
 * POSTs a refresh grant from a chosen loopback source address (the whole 127/8 is loopback on Linux),
 * so the per-address limit is tested with two real peers and no proxy headers.
 */
function refreshFrom(localAddress: string, apiUrl: string): Promise<number> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: DESKTOP_CLIENT_ID }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL('/oauth/token', apiUrl), {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('token and revocation endpoints rate limit per address', () => {
  // @fastify/rate-limit reads Date.now(); only Date is faked, so sockets and timers behave normally.
  afterEach(() => void vi.useRealTimers());

  it('answers 429 in the OAuth error shape once an address has used its requests, and again after the window', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const api = await startTestApi({ tokenRateLimit: { maxPerIp: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i += 1) expect((await refreshTokens(api.url, `made-up-${i}`)).status).toBe(400);
      const limited = await refreshTokens(api.url, 'made-up-4');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
      expect(limited.headers.get('cache-control')).toBe('no-store');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = OAuthErrorSchema.strict().parse(await limited.json());
      expect(body).toEqual({ error: 'temporarily_unavailable', error_description: `Too many sign-in requests from this address. Try again in ${retryAfter} seconds.` });

      // Revocation shares the address's budget.
      const revoke = await fetch(`${api.url}/oauth/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=made-up' });
      expect(revoke.status).toBe(429);

      // Another address is counted on its own.
      expect(await refreshFrom('127.0.0.2', api.url)).toBe(400);
      expect(await refreshFrom('127.0.0.1', api.url)).toBe(429);

      // Once the window has passed, the same address is served again: a real sign-in goes through.
      vi.setSystemTime(Date.now() + 60_001);
      expect((await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)).access_token).toBeTruthy();
    } finally {
      await api.close();
    }
  });
});
