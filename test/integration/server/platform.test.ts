import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../server/db/migrations';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { startEmbeddedApi } from '../../../server/embedded';
import { ApiErrorBodySchema, HealthSchema } from '../../../shared/api';
import { signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from './helpers';

describe('API-wide behaviour', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      configure: (app) => {
        // Test-only route: an unexpected exception carrying internals.
        app.get('/test/boom', async () => {
          throw new Error('SQLITE_CORRUPT at /secret/path/db.sqlite');
        });
      },
    });
  });
  afterAll(() => api.close());

  it('reports health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(HealthSchema.parse(await response.json())).toMatchObject({ status: 'ok', time: '2026-06-01T12:00:00.000Z' });
  });

  it('answers unknown routes with a JSON not_found error', async () => {
    const response = await fetch(`${api.url}/no/such/thing?x=1`);
    expect(response.status).toBe(404);
    expect(ApiErrorBodySchema.parse(await response.json()).error.code).toBe('not_found');
  });

  it('hides internals when something fails unexpectedly', async () => {
    const response = await fetch(`${api.url}/test/boom`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/SQLITE|secret|stack|at .*\.ts/);
    expect(ApiErrorBodySchema.parse(JSON.parse(text)).error).toEqual({ code: 'server', message: 'The server failed. Please try again later.' });
  });

  it('refuses a body over 64 KiB', async () => {
    const response = await fetch(`${api.url}/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(ApiErrorBodySchema.parse(await response.json()).error.code).toBe('validation');
  });

  it('refuses content types it does not read', async () => {
    const response = await fetch(`${api.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(415);
    expect(ApiErrorBodySchema.parse(await response.json()).error.code).toBe('validation');
  });

  it.each(['/health', '/no/such/thing', '/test/boom', '/oauth/authorize'])('sends the security headers on %s', async (path) => {
    const response = await fetch(`${api.url}${path}`, { redirect: 'manual' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  });
});

describe('the database file across restarts', () => {
  it('applies migrations once and keeps the data when restarted on the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-api-restart-'));
    try {
      const first = await startTestApi({ dir });
      const tokens = await signInWithPassword(first.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await first.close();

      const second = await startTestApi({ dir });
      const me = await fetch(`${second.url}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(me.status).toBe(200);
      await second.close();

      const db = new BetterSqlite3(join(dir, 'reference-api.sqlite'), { readonly: true });
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
      expect(db.prepare('SELECT count(*) AS n FROM companies').get()).toEqual({ n: 2 });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seeds the embedded demo data on first run only, keeping later changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-api-embedded-'));
    try {
      const first = await startEmbeddedApi(dir);
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { access_token: token } = await signInWithPassword(first.url, first.demoAccount.email, first.demoAccount.password);
      const renamed = await fetch(`${first.url}/me`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Alice Renamed' }),
      });
      expect(renamed.status).toBe(200);
      await first.close();

      const second = await startEmbeddedApi(dir);
      const me = await fetch(`${second.url}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await me.json()) as { name: string }).name).toBe('Alice Renamed');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
