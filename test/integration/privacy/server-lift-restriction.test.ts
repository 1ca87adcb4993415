import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate';
import { MIGRATIONS } from '../../../server/db/migrations';
import { MyDataSchema, RecommendationsSchema, RightsRequestSchema } from '../../../shared/api/privacy';
import { createPrivacyModule } from '../../../server/privacy/privacy-module';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, CHEN, confirmRequest, fileRequest, signedIn, type Caller } from './api-helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

const file = fileRequest;
const confirm = confirmRequest;

/** A sign-in that begins after everything filed so far, as P5.6 asks of a confirmation. */
async function signInAgain(user: { email: string; password: string }): Promise<Caller> {
  api.clock.advance(60_000);
  return signedIn(api, user);
}

/** Files a restriction and confirms it; returns a session that began after it. */
async function restricted(user: { email: string; password: string }): Promise<Caller> {
  const request = await file(await signedIn(api, user), { kind: 'restrict' });
  const again = await signInAgain(user);
  expect((await confirm(again, request.id)).status).toBe(200);
  expect(MyDataSchema.parse(await again.get('/privacy/my-data')).restricted).toBe(true);
  return again;
}

describe('ending a restriction (P5.3)', () => {
  it('P5.3 P5.6 is refused with its reason when the account is not restricted, and changes nothing', async () => {
    const bernd = await signedIn(api, BERND);
    const request = await file(bernd, { kind: 'lift-restriction', note: 'Just checking.' });
    expect(request).toMatchObject({ kind: 'lift-restriction', status: 'refused', refusal: { code: 'not-restricted', message: expect.stringMatching(/not restricted/) } });
    expect((await confirm(await signInAgain(BERND), request.id)).status).toBe(409);
    expect(MyDataSchema.parse(await bernd.get('/privacy/my-data')).restricted).toBe(false);
  });

  it('P5.3 P5.6 is filed for a restricted account and waits for a confirmation that the old session cannot give', async () => {
    const chen = await restricted(CHEN);
    const request = await file(chen, { kind: 'lift-restriction' });
    expect(request).toMatchObject({ status: 'confirmation-needed', refusal: null, completedAt: null });
    const refused = await confirm(chen, request.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { message: expect.stringMatching(/Sign in again/) } });
    expect(MyDataSchema.parse(await chen.get('/privacy/my-data')).restricted).toBe(true);

    const again = await signInAgain(CHEN);
    const confirmed = await confirm(again, request.id);
    expect(confirmed.status).toBe(200);
    expect(RightsRequestSchema.parse(confirmed.body)).toMatchObject({ status: 'completed', completedAt: new Date(api.clock.now()).toISOString() });
    const myData = MyDataSchema.parse(await again.get('/privacy/my-data'));
    expect(myData.restricted).toBe(false);
    expect(myData.categories.find((c) => c.id === 'account')!.records[0]).toMatchObject({ restrictedAt: null });
    // A second confirmation is not a second lift.
    expect((await confirm(again, request.id)).status).toBe(409);
  });

  it('P5.3 after the restriction ends, recommendations and marketing come back only with consent', async () => {
    const alice = await signedIn(api, ALICE);
    await alice.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true });
    await alice.request('PUT', '/privacy/consents', { kind: 'recommendations', granted: true });
    const privacy = createPrivacyModule(api.app.db, api.clock.now);
    const during = await restricted(ALICE);
    expect(await during.get('/privacy/recommendations')).toEqual({ status: 'restricted', items: [] });
    expect(privacy.state.marketingAudience()).not.toContain(ALICE.id);

    const lift = await file(during, { kind: 'lift-restriction' });
    const after = await signInAgain(ALICE);
    expect((await confirm(after, lift.id)).status).toBe(200);
    const recommendations = RecommendationsSchema.parse(await after.get('/privacy/recommendations'));
    expect(recommendations.status).toBe('on');
    expect(recommendations.items.length).toBeGreaterThan(0);
    expect(privacy.state.marketingAudience()).toContain(ALICE.id);

    // Without consent they stay off, restriction or not.
    await after.request('PUT', '/privacy/consents', { kind: 'marketing', granted: false });
    await after.request('PUT', '/privacy/consents', { kind: 'recommendations', granted: false });
    const again = await restricted(ALICE);
    const secondLift = await file(again, { kind: 'lift-restriction' });
    const latest = await signInAgain(ALICE);
    expect((await confirm(latest, secondLift.id)).status).toBe(200);
    expect(await latest.get('/privacy/recommendations')).toEqual({ status: 'no-consent', items: [] });
    expect(privacy.state.marketingAudience()).not.toContain(ALICE.id);
  });

  it('P5.3 P5.6 another user can neither confirm nor see the request, even signed in afresh', async () => {
    const chen = await restricted(CHEN);
    const request = await file(chen, { kind: 'lift-restriction', note: 'lift-note-5512' });
    for (const other of [await signInAgain(BERND), await signInAgain(ALICE)]) {
      expect((await confirm(other, request.id)).status).toBe(404);
      const text = JSON.stringify([await other.get('/privacy/requests'), await other.get('/privacy/my-data')]);
      expect(text).not.toContain(request.id);
      expect(text).not.toContain('lift-note-5512');
    }
    expect(MyDataSchema.parse(await chen.get('/privacy/my-data')).restricted).toBe(true);
    const listed = RightsRequestSchema.array().parse(((await chen.get('/privacy/requests')) as { requests: unknown[] }).requests);
    expect(listed.find((r) => r.id === request.id)?.status).toBe('confirmation-needed');
  });

  it('P5.6 two waiting lifts: the second is refused at confirmation because nothing is restricted any more', async () => {
    const bernd = await restricted(BERND);
    const first = await file(bernd, { kind: 'lift-restriction' });
    const second = await file(bernd, { kind: 'lift-restriction' });
    const again = await signInAgain(BERND);
    expect((await confirm(again, first.id)).status).toBe(200);
    const late = await confirm(again, second.id);
    expect(late.status).toBe(200);
    expect(RightsRequestSchema.parse(late.body)).toMatchObject({ status: 'refused', refusal: { code: 'not-restricted' } });
  });
});

describe('migration 6 (lift-restriction)', () => {
  it('P5.3 keeps the requests already filed and then accepts the new kind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-api-migration-6-'));
    const db = new BetterSqlite3(join(dir, 'reference-api.sqlite'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS.filter((m) => m.version < 6));
      db.prepare(`INSERT INTO companies (id, name, country, created_at) VALUES ('c1', 'Canary Ltd', 'DE', 1)`).run();
      db.prepare(
        `INSERT INTO users (id, company_id, email, name, country, password_hash, created_at, updated_at) VALUES ('u1', 'c1', 'u1@example.com', 'U One', 'DE', 'x', 1, 1)`,
      ).run();
      const insert = db.prepare(`INSERT INTO privacy_requests (id, user_id, kind, note, status, received_at, due_at) VALUES (?, 'u1', ?, 'kept-note', 'received', 1, 2)`);
      insert.run('r1', 'restrict');
      expect(() => insert.run('r2', 'lift-restriction')).toThrow(/CHECK/);

      expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 6))).toEqual([6]);
      expect(db.prepare('SELECT id, kind, note FROM privacy_requests').all()).toEqual([{ id: 'r1', kind: 'restrict', note: 'kept-note' }]);
      insert.run('r2', 'lift-restriction');
      expect(() => insert.run('r3', 'sell-my-data')).toThrow(/CHECK/);
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'privacy_requests' AND name NOT LIKE 'sqlite_%'`).all()).toEqual([
        { name: 'privacy_requests_user' },
      ]);
      // Deleting the account still removes its requests: the rebuilt table kept its foreign key.
      db.prepare(`DELETE FROM users WHERE id = 'u1'`).run();
      expect(db.prepare('SELECT count(*) AS n FROM privacy_requests').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
