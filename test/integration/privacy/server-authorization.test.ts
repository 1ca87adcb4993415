import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, callerWith, CHEN, signedIn, waitForExport, type Caller } from './api-helpers';

let api: TestApi;
let owner: Caller;
let sameCompany: Caller;
let otherCompany: Caller;
let anonymous: Caller;
let exportId: string;
let requestId: string;

beforeAll(async () => {
  api = await startTestApi();
  owner = await signedIn(api, ALICE);
  sameCompany = await signedIn(api, BERND);
  otherCompany = await signedIn(api, CHEN);
  anonymous = callerWith(api, undefined);
  await owner.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true });
  exportId = ((await owner.request('POST', '/privacy/exports')).body as { id: string }).id;
  await waitForExport(owner, exportId);
  requestId = ((await owner.request('POST', '/privacy/requests', { kind: 'restrict', note: 'owner-note-7731' })).body as { id: string }).id;
});
afterAll(() => api.close());

// Every privacy route, with what the owner gets. Per-user routes take no user id: the token decides.
const ROUTES: { method: string; path: () => string; body?: unknown; ownerStatus: number }[] = [
  { method: 'GET', path: () => '/privacy/my-data', ownerStatus: 200 },
  { method: 'GET', path: () => '/privacy/consents', ownerStatus: 200 },
  { method: 'PUT', path: () => '/privacy/consents', body: { kind: 'analytics', granted: false }, ownerStatus: 200 },
  { method: 'GET', path: () => '/privacy/recommendations', ownerStatus: 200 },
  { method: 'GET', path: () => '/privacy/disclosures', ownerStatus: 200 },
  { method: 'GET', path: () => '/privacy/policy', ownerStatus: 200 },
  { method: 'POST', path: () => '/privacy/policy/acknowledgements', body: { version: '2026.2' }, ownerStatus: 200 },
  { method: 'GET', path: () => '/privacy/requests', ownerStatus: 200 },
  { method: 'POST', path: () => '/privacy/requests', body: { kind: 'object', purpose: 'product-improvement' }, ownerStatus: 201 },
  { method: 'POST', path: () => `/privacy/requests/${requestId}/confirm`, ownerStatus: 403 /* needs a fresh sign-in */ },
  { method: 'GET', path: () => '/privacy/exports', ownerStatus: 200 },
  { method: 'GET', path: () => `/privacy/exports/${exportId}`, ownerStatus: 200 },
  { method: 'GET', path: () => `/privacy/exports/${exportId}/download`, ownerStatus: 200 },
];

describe('privacy routes: per-user authorization', () => {
  it.each(ROUTES)('anonymous callers get 401 from $method $path', async ({ method, path, body }) => {
    expect((await anonymous.request(method, path(), body)).status).toBe(401);
  });

  it.each(ROUTES)('the owner reaches $method $path', async ({ method, path, body, ownerStatus }) => {
    expect((await owner.request(method, path(), body)).status).toBe(ownerStatus);
  });

  it.each([
    ['a colleague in the same company', () => sameCompany],
    ['a user of another company', () => otherCompany],
  ])("%s cannot reach the owner's export, its download, or the owner's request", async (_who, caller) => {
    expect((await caller().request('GET', `/privacy/exports/${exportId}`)).status).toBe(404);
    expect((await caller().request('GET', `/privacy/exports/${exportId}/download`)).status).toBe(404);
    expect((await caller().request('POST', `/privacy/requests/${requestId}/confirm`)).status).toBe(404);
  });

  it.each([
    ['a colleague in the same company', () => sameCompany],
    ['a user of another company', () => otherCompany],
  ])("%s sees none of the owner's data, receipts, requests or exports in their own lists", async (_who, caller) => {
    const bodies = await Promise.all(
      ['/privacy/my-data', '/privacy/consents', '/privacy/requests', '/privacy/exports', '/privacy/disclosures'].map((path) => caller().get(`${path}?userId=${ALICE.id}`)),
    );
    const text = JSON.stringify(bodies);
    expect(text).not.toContain(ALICE.email);
    expect(text).not.toContain(exportId);
    expect(text).not.toContain(requestId);
    expect(text).not.toContain('owner-note-7731');
    expect(text).not.toContain('Field Service Partner GmbH'); // a disclosure recorded for the owner only
    expect((await caller().get('/privacy/consents')) as { receipts: unknown[] }).toMatchObject({ receipts: [] });
  });

  it('a malformed id is answered like a missing one', async () => {
    expect((await owner.request('GET', '/privacy/exports/..%2F..%2Freference-api.sqlite/download')).status).toBe(404);
    expect((await owner.request('GET', '/privacy/exports/not-a-uuid')).status).toBe(404);
  });
});
