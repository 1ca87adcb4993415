import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentsSchema, RecommendationsSchema } from '../../../shared/api/privacy';
import { createPrivacyModule } from '../../../server/privacy/privacy-module';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, signedIn, type Caller } from './api-helpers';

let api: TestApi;
let alice: Caller;
beforeAll(async () => {
  api = await startTestApi();
  alice = await signedIn(api, ALICE);
});
afterAll(() => api.close());

const setConsent = (caller: Caller, kind: string, granted: boolean) => caller.request('PUT', '/privacy/consents', { kind, granted });

describe('consents', () => {
  it('start switched off: nothing is consented to until the user says so', async () => {
    const bernd = await signedIn(api, BERND);
    expect(ConsentsSchema.parse(await bernd.get('/privacy/consents')).values).toEqual({ marketing: false, recommendations: false, analytics: false });
  });

  it('P5.5 withdrawing marketing consent takes effect at once and leaves a receipt with the old and new value and the policy version', async () => {
    expect((await setConsent(alice, 'marketing', true)).status).toBe(200);
    api.clock.advance(60_000);
    const after = ConsentsSchema.parse((await setConsent(alice, 'marketing', false)).body);
    expect(after.values.marketing).toBe(false);
    expect(after.receipts[0]).toMatchObject({ kind: 'marketing', oldValue: true, newValue: false, policyVersion: '2026.2', at: new Date(api.clock.now()).toISOString() });
    // Earlier processing stays lawful: the earlier grant is still on record.
    expect(after.receipts[1]).toMatchObject({ kind: 'marketing', oldValue: false, newValue: true });
  });

  it('P2.6 marketing goes only to people who opted in, and stops the moment they opt out', async () => {
    const privacy = createPrivacyModule(api.app.db, api.clock.now);
    await setConsent(alice, 'marketing', true);
    expect(privacy.state.marketingAudience()).toEqual([ALICE.id]);
    await setConsent(alice, 'marketing', false);
    expect(privacy.state.marketingAudience()).toEqual([]);
  });

  it('P2.4 recommendations are computed from account data only with consent, and can be turned off', async () => {
    expect(RecommendationsSchema.parse(await alice.get('/privacy/recommendations'))).toEqual({ status: 'no-consent', items: [] });
    await setConsent(alice, 'recommendations', true);
    const on = RecommendationsSchema.parse(await alice.get('/privacy/recommendations'));
    expect(on.status).toBe('on');
    expect(on.items.some((item) => item.basedOn === 'industry')).toBe(true);
    await setConsent(alice, 'recommendations', false);
    expect(RecommendationsSchema.parse(await alice.get('/privacy/recommendations')).items).toEqual([]);
  });

  it('refuses an unknown consent or a malformed change and records nothing', async () => {
    const before = ConsentsSchema.parse(await alice.get('/privacy/consents')).receipts.length;
    expect((await setConsent(alice, 'selling', true)).status).toBe(400);
    expect((await alice.request('PUT', '/privacy/consents', { kind: 'marketing', granted: 'yes' })).status).toBe(400);
    expect((await alice.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true, userId: BERND.id })).status).toBe(400);
    expect(ConsentsSchema.parse(await alice.get('/privacy/consents')).receipts.length).toBe(before);
  });
});
