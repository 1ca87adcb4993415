import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisclosuresSchema, PolicySchema } from '../../../shared/api/privacy';
import { TELEMETRY_PER_MINUTE } from '../../../server/privacy/privacy-routes';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, callerWith, signedIn, type Caller } from './api-helpers';

let api: TestApi;
let alice: Caller;
beforeAll(async () => {
  api = await startTestApi();
  alice = await signedIn(api, ALICE);
});
afterAll(() => api.close());

describe('policy, contact and disclosures', () => {
  it('P9.1 serves the latest policy with its effective date and change summary, and records the acknowledgement per user', async () => {
    const policy = PolicySchema.parse(await alice.get('/privacy/policy'));
    expect(policy.current).toMatchObject({ version: '2026.2', effectiveAt: '2026-05-15T00:00:00.000Z' });
    expect(policy.current.summary.en).toMatch(/disclosure register/);
    expect(policy.current.text.en.length).toBeGreaterThan(500);
    // The same ten sections in Simplified Chinese.
    expect(policy.current.text['zh-CN'].split('\n\n')).toHaveLength(policy.current.text.en.split('\n\n').length);
    expect(policy.acknowledgedVersion).toBeNull();
    expect(policy.history.map((v) => v.version)).toEqual(['2026.2', '2026.1']);

    const acked = await alice.request('POST', '/privacy/policy/acknowledgements', { version: '2026.2' });
    expect(PolicySchema.parse(acked.body)).toMatchObject({ acknowledgedVersion: '2026.2', acknowledgedAt: new Date(api.clock.now()).toISOString() });
    // A stale client cannot acknowledge a version it is not showing.
    expect((await alice.request('POST', '/privacy/policy/acknowledgements', { version: '2026.1' })).status).toBe(409);
  });

  it('P5.7 the privacy contact address is published, even to someone who is not signed in (P9.2)', async () => {
    const contact = await callerWith(api, undefined).get('/privacy/contact');
    expect(contact).toMatchObject({ email: expect.stringMatching(/^privacy@/), postal: expect.any(String) });
    expect(PolicySchema.parse(await alice.get('/privacy/policy')).contact).toEqual(contact);
  });

  it('P4.2 lists the recipient categories and every disclosure recorded for the user', async () => {
    const disclosures = DisclosuresSchema.parse(await alice.get('/privacy/disclosures'));
    expect(disclosures.recipientCategories).toEqual(['with-consent', 'affiliates', 'service-partners', 'legal-requirement']);
    expect(disclosures.records.map((r) => r.recipient)).toEqual(['Example Support Asia Ltd. (affiliate)', 'Field Service Partner GmbH']);
    expect(disclosures.records[1]).toMatchObject({ recipientCategory: 'service-partners', purpose: 'P2.3', dataCategories: ['identity', 'devices'] });
  });
});

describe('anonymous usage statistics (P2.8)', () => {
  const event = { name: 'screen.viewed', hour: '2026-06-01T12:00Z', appVersion: '0.1.0', platform: 'linux', screen: 'privacy' };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/telemetry/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('P2.8 accepts events that identify nobody and stores them with no link to a person', async () => {
    const response = await post({ events: [event] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 1 });
    const columns = (api.app.db.prepare('PRAGMA table_info(telemetry_events)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'name', 'hour', 'app_version', 'platform', 'screen']);
  });

  it('P2.8 refuses events carrying a user id, an e-mail, free text, an exact time or credentials', async () => {
    const before = (api.app.db.prepare('SELECT count(*) AS n FROM telemetry_events').get() as { n: number }).n;
    expect((await post({ events: [{ ...event, userId: ALICE.id }] })).status).toBe(400);
    expect((await post({ events: [{ ...event, screen: ALICE.email }] })).status).toBe(400);
    expect((await post({ events: [{ ...event, hour: '2026-06-01T12:34:56Z' }] })).status).toBe(400);
    expect((await post({ events: [event], user: ALICE.email })).status).toBe(400);
    expect((await post({ events: [event] }, { authorization: `Bearer ${alice.token}` })).status).toBe(400);
    expect((api.app.db.prepare('SELECT count(*) AS n FROM telemetry_events').get() as { n: number }).n).toBe(before);
  });

  it('P2.8 limits how many batches one address may send per minute', async () => {
    const limited = await startTestApi();
    try {
      const send = () =>
        fetch(`${limited.url}/telemetry/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: [event] }) });
      const statuses = [];
      for (let i = 0; i <= TELEMETRY_PER_MINUTE; i++) statuses.push((await send()).status);
      expect(statuses.slice(0, TELEMETRY_PER_MINUTE).every((status) => status === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
