import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../server/db/seed-demo';
import { signInWithPassword } from '../integration/helpers/oauth-flow';
import { startTestApi } from '../integration/server/helpers';
import { createOwnedResources, type Probe } from './server-matrix/owned-resources';
import { ROUTE_TABLE, type RouteRule } from './server-matrix/route-table';

// The routes as the server itself registers them (onRoute), not as anyone remembers them.
const registered: string[] = [];
const api = await startTestApi({
  configure: (app) =>
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') registered.push(`${method} ${route.url}`);
    }),
});
const ROUTES = [...new Set(registered)].sort();
const [ALICE, BERND, CHEN] = DEMO_USERS;
let aliceToken = '';
let berndToken = '';
let chenToken = '';
let owned: Record<string, Probe> = {};

beforeAll(async () => {
  const tokens = await Promise.all([ALICE, BERND, CHEN].map(async (user) => (await signInWithPassword(api.url, user.email, user.password)).access_token));
  [aliceToken, berndToken, chenToken] = tokens as [string, string, string];
  owned = await createOwnedResources(api.url, aliceToken, ALICE.id);
});
afterAll(() => api.close());

const STACK_TRACE = /\n\s+at\s|node:internal|\.[cm]?[jt]s:\d+|SQLITE_|TypeError|ReferenceError|\/work\/|\/home\//;

/** Sends one request with made-up ids in the path, and checks what every answer must have. */
async function send(route: string, init: { token?: string; headers?: Record<string, string>; body?: string } = {}) {
  const [method, pattern] = route.split(' ') as [string, string];
  const sample = ROUTE_TABLE[route]?.samplePath;
  const path = sample ? sample(api.app.db) : pattern.replace(/:[A-Za-z]+/g, () => randomUUID());
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(`${api.url}${path}`, { method, headers, redirect: 'manual', ...(init.body !== undefined ? { body: init.body } : {}) });
  const text = await response.text();
  expect(text, `${route} leaks internals`).not.toMatch(STACK_TRACE);
  expect(response.headers.get('x-content-type-options'), `${route} nosniff`).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), `${route} framing`).toBe('DENY');
  expect(response.headers.get('content-security-policy'), `${route} CSP`).toBeTruthy();
  return { status: response.status, headers: response.headers, text };
}

const rule = (route: string): RouteRule => ROUTE_TABLE[route]!;
const hasBody = (route: string) => /^(POST|PUT|PATCH) /.test(route);

describe('server authorization matrix (P6.1: only authorised people see personal data)', () => {
  it('classifies every route the server registers, and lists no route that is gone', () => {
    expect(ROUTES.length).toBeGreaterThan(5);
    expect(ROUTES.filter((route) => !ROUTE_TABLE[route]), 'routes missing from test/security/server-matrix/route-table.ts').toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((route) => !ROUTES.includes(route)), 'table rows for routes that no longer exist').toEqual([]);
  });

  const OWNED = ROUTES.filter((route) => ROUTE_TABLE[route]?.owned);
  it.each(OWNED)("%s on Alice's resource: Bernd (same company) and Chen (other company) get 404 or 403, anonymous 401", async (route) => {
    const probe = owned[route];
    expect(probe, 'add a fixture for this route to test/security/server-matrix/owned-resources.ts').toBeDefined();
    for (const token of [berndToken, chenToken]) expect([403, 404]).toContain(await probe!(token));
    expect(await probe!(null)).toBe(401);
  });

  it.each(OWNED.filter((route) => route.startsWith('GET ')))("%s on Alice's resource: Alice gets it, marked not to be cached anywhere", async (route) => {
    const response = await fetch(`${api.url}${owned[route]!.path}`, { headers: { authorization: `Bearer ${aliceToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await response.arrayBuffer();
  });

  it.each(ROUTES.filter((route) => ROUTE_TABLE[route]?.access === 'bearer'))('%s asks anonymous callers and invalid tokens to sign in (401, Bearer challenge)', async (route) => {
    const anonymous = await send(route, hasBody(route) ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
    expect(JSON.parse(anonymous.text)).toMatchObject({ error: { code: 'unauthorized' } });
    const forged = await send(route, { token: 'forged-or-expired-token', ...(hasBody(route) ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');
    if (route.startsWith('GET ')) expect((await fetch(`${api.url}${route.slice(4).replace(/:[A-Za-z]+/g, randomUUID())}`, { method: 'HEAD' })).status).toBe(401);
  });

  it.each(ROUTES.filter((route) => ['public', 'optional', 'anonymous-only'].includes(ROUTE_TABLE[route]?.access ?? '')))('%s answers anonymous callers as designed, without sign-in', async (route) => {
    const { probeBody } = rule(route);
    const probe = probeBody === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(probeBody) };
    expect((await send(route, probe)).status).toBe(rule(route).anonymousStatus);
  });

  it.each(ROUTES.filter((route) => ROUTE_TABLE[route]?.access === 'optional'))('%s refuses a token that does not resolve instead of silently serving it as anonymous', async (route) => {
    expect((await send(route, { token: 'forged-or-expired-token' })).status).toBe(401);
  });

  it.each(ROUTES.filter((route) => ROUTE_TABLE[route]?.access === 'admin'))('%s refuses anonymous callers and ordinary signed-in users', async (route) => {
    for (const token of [undefined, aliceToken]) {
      const { status } = await send(route, { ...(token ? { token } : {}), headers: { 'content-type': 'application/json' }, body: '{}' });
      expect([401, 403, 404]).toContain(status);
    }
  });

  it.each(ROUTES.filter((route) => ROUTE_TABLE[route]?.access === 'anonymous-only'))('%s refuses a request that identifies its sender', async (route) => {
    const { status, text } = await send(route, { token: aliceToken, headers: { 'content-type': 'application/json' }, body: '{"events":[]}' });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'validation' } });
  });

  it.each(ROUTES.filter(hasBody))('%s refuses a body over the size limit before reading it (413), and answers malformed JSON without internals', async (route) => {
    const huge = JSON.stringify({ padding: 'x'.repeat(200 * 1024) });
    const tooLarge = await send(route, { token: aliceToken, headers: { 'content-type': 'application/json' }, body: huge });
    expect(tooLarge.status).toBe(413);
    const broken = await send(route, { token: aliceToken, headers: { 'content-type': 'application/json' }, body: '{"unterminated": ' });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
  });
});
