import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisDataset } from '../../../server/privacy/product-analysis';
import { startTestApi, type TestApi } from '../server/helpers';
import { newKey, signedIn, ticketBody } from '../tickets/ticket-api-helpers';
import { ALICE, BERND } from './api-helpers';
import { desktopApp, disposeDesktopApps } from './desktop-app';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ now: Date.now })));
afterAll(async () => {
  disposeDesktopApps();
  await api.close();
});

/** The service's own connection (Fastify's `db` decoration). */
const dbOf = () => (api.app as unknown as { db: Database }).db;
const accountsIn = () => new Set(analysisDataset(dbOf()).map((row) => row.account));

describe('an objection to product improvement has consequences (P2.5, P5.3)', () => {
  it('P2.5 an objection filed from the app takes the person\'s requests out of the analysis data set, says so in the outcome, and leaves other customers in it', async () => {
    for (const user of [BERND, ALICE]) {
      const caller = await signedIn(api.url, user);
      expect(await caller('POST', '/tickets', { body: ticketBody({ title: `Analysed ${user.email}`, severity: 'low' }), key: newKey() })).toMatchObject({ status: 201 });
    }
    expect(accountsIn().has(BERND.id)).toBe(true);
    expect(accountsIn().has(ALICE.id)).toBe(true);

    const app = desktopApp(api, BERND);
    await app.signIn();
    const request = await app.services.privacy.createRequest({ kind: 'object', purpose: 'product-improvement', note: 'Please do not analyse my tickets.' });

    expect(request).toMatchObject({ kind: 'object', status: 'completed', outcome: 'excluded-from-analysis' });
    expect(accountsIn().has(BERND.id)).toBe(false);
    expect(accountsIn().has(ALICE.id)).toBe(true);
    // A request Bernd files afterwards stays out too.
    const bernd = await signedIn(api.url, BERND);
    await bernd('POST', '/tickets', { body: ticketBody({ title: 'After the objection', severity: 'low' }), key: newKey() });
    expect(accountsIn().has(BERND.id)).toBe(false);
    // The app lists the request with its outcome.
    expect((await app.services.privacy.requests()).find((r) => r.id === request.id)).toMatchObject({ outcome: 'excluded-from-analysis' });
  });
});
