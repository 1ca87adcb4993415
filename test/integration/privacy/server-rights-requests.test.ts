import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentsSchema, RightsRequestSchema } from '../../../shared/api/privacy';
import { oneMonthAfter } from '../../../server/privacy/rights-requests';
import { createPrivacyModule } from '../../../server/privacy/privacy-module';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, CHEN, confirmRequest, fileRequest, signedIn } from './api-helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

const file = fileRequest;
const confirm = confirmRequest;

describe('rights requests', () => {
  it('P5.6 are due one month after receipt; P2.5 an objection to product-improvement analysis is upheld at once, with its outcome', async () => {
    expect(new Date(oneMonthAfter(Date.UTC(2026, 5, 1, 12))).toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(new Date(oneMonthAfter(Date.UTC(2026, 0, 31, 8))).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(new Date(oneMonthAfter(Date.UTC(2026, 11, 15))).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    const bernd = await signedIn(api, BERND);
    const request = await file(bernd, { kind: 'object', purpose: 'product-improvement', note: 'Please do not analyse my tickets.' });
    expect(request).toMatchObject({ status: 'completed', outcome: 'excluded-from-analysis', receivedAt: new Date(api.clock.now()).toISOString(), dueAt: '2026-07-01T12:00:00.000Z' });
  });

  it('P5.6 a restriction needs confirmation by signing in again: the old session cannot confirm it, a new sign-in can', async () => {
    const chen = await signedIn(api, CHEN);
    const request = await file(chen, { kind: 'restrict' });
    expect(request.status).toBe('confirmation-needed');
    expect((await confirm(chen, request.id)).status).toBe(403);
    api.clock.advance(60_000);
    const again = await signedIn(api, CHEN);
    const confirmed = await confirm(again, request.id);
    expect(confirmed.status).toBe(200);
    expect(RightsRequestSchema.parse(confirmed.body)).toMatchObject({ status: 'completed', completedAt: new Date(api.clock.now()).toISOString() });
  });

  it('P5.3 a restricted account gets no recommendations and no marketing, even with consent', async () => {
    const alice = await signedIn(api, ALICE);
    await alice.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true });
    await alice.request('PUT', '/privacy/consents', { kind: 'recommendations', granted: true });
    const privacy = createPrivacyModule(api.app.db, api.clock.now);
    expect(privacy.state.marketingAudience()).toContain(ALICE.id);
    expect(await alice.get('/privacy/recommendations')).toMatchObject({ status: 'on' });

    const request = await file(alice, { kind: 'restrict' });
    api.clock.advance(60_000);
    const again = await signedIn(api, ALICE);
    expect((await confirm(again, request.id)).status).toBe(200);

    expect(await again.get('/privacy/recommendations')).toEqual({ status: 'restricted', items: [] });
    expect(privacy.state.marketingAudience()).not.toContain(ALICE.id);
    expect(await again.get('/privacy/my-data')).toMatchObject({ restricted: true });
  });

  it('P5.5 a withdraw-consent request switches every consent off at once, with a receipt each', async () => {
    const bernd = await signedIn(api, BERND);
    await bernd.request('PUT', '/privacy/consents', { kind: 'analytics', granted: true });
    await bernd.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true });
    const request = await file(bernd, { kind: 'withdraw-consent' });
    expect(request.status).toBe('completed');
    const consents = ConsentsSchema.parse(await bernd.get('/privacy/consents'));
    expect(consents.values).toEqual({ marketing: false, recommendations: false, analytics: false });
    expect(consents.receipts.filter((r) => r.newValue === false).map((r) => r.kind).sort()).toEqual(['analytics', 'marketing']);
  });

  it('P5.3 objecting to marketing is honoured at once', async () => {
    const bernd = await signedIn(api, BERND);
    await bernd.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true });
    expect(await file(bernd, { kind: 'object', purpose: 'marketing' })).toMatchObject({ status: 'completed' });
    expect(ConsentsSchema.parse(await bernd.get('/privacy/consents')).values.marketing).toBe(false);
  });

  it('P5.6 an objection to processing the law requires is refused, and the user is told the reason', async () => {
    const bernd = await signedIn(api, BERND);
    const request = await file(bernd, { kind: 'object', purpose: 'legal-compliance' });
    expect(request.status).toBe('refused');
    expect(request.refusal).toMatchObject({ code: 'legal-obligation', message: expect.stringMatching(/legal obligation/) });
    const listed = (await bernd.get('/privacy/requests')) as { requests: { id: string; status: string }[] };
    expect(listed.requests.find((r) => r.id === request.id)?.status).toBe('refused');
  });

  it('refuses malformed requests and files nothing', async () => {
    const bernd = await signedIn(api, BERND);
    const before = ((await bernd.get('/privacy/requests')) as { requests: unknown[] }).requests.length;
    expect((await bernd.request('POST', '/privacy/requests', { kind: 'sell-my-data' })).status).toBe(400);
    expect((await bernd.request('POST', '/privacy/requests', { kind: 'object' })).status).toBe(400);
    expect((await bernd.request('POST', '/privacy/requests', { kind: 'erase', note: 'x'.repeat(1001) })).status).toBe(400);
    expect(((await bernd.get('/privacy/requests')) as { requests: unknown[] }).requests.length).toBe(before);
  });
});
