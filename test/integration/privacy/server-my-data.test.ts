import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_IDS, MyDataSchema } from '../../../shared/api/privacy';
import { CATEGORY_RECORD_SCHEMAS } from '../../../shared/api/privacy-records';
import { plantSoftwareAndFeedback, plantTicket } from './plant-data';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, fileRequest, signedIn, type Caller } from './api-helpers';

let api: TestApi;
let alice: Caller;
beforeAll(async () => {
  api = await startTestApi();
  alice = await signedIn(api, ALICE);
});
afterAll(() => api.close());

const myData = async (caller: Caller) => MyDataSchema.parse(await caller.get('/privacy/my-data'));

describe('My data', () => {
  it('P5.1 shows everything held about the user, grouped by category, with purpose, legal basis, retention and source', async () => {
    const data = await myData(alice);
    // Every category, including those of the tickets, software and documentation services.
    expect(data.categories.map((c) => c.id).sort()).toEqual([...CATEGORY_IDS].sort());
    const identity = data.categories.find((c) => c.id === 'identity')!;
    expect(identity.records[0]).toMatchObject({ name: ALICE.name, email: ALICE.email, phone: ALICE.phone, country: 'DE' });
    for (const category of data.categories) {
      expect(category.purposes.length, category.id).toBeGreaterThan(0);
      expect(category.legalBasis, category.id).toBeTruthy();
      expect(category.retention, category.id).toBeTruthy();
      expect(category.source, category.id).toBeTruthy();
    }
    expect(data.categories.find((c) => c.id === 'account')!.records[0]).toMatchObject({ company: 'Northwind Networks', job: ALICE.job });
  });

  it('P8.1 says for each category where it is stored, where it may be processed and which safeguards apply', async () => {
    const data = await myData(alice);
    for (const category of data.categories) {
      expect(category.storedIn).toBe('DE');
      expect(category.processedIn).toContain('DE');
      expect(category.safeguards.length).toBeGreaterThan(0);
      // Processing outside the home country always names a transfer safeguard, not only encryption.
      if (category.processedIn.some((country) => country !== 'DE')) expect(category.safeguards).toContain('standard-contracts');
    }
  });

  it('P1.6 lists sign-ins through company and social accounts in the sign-in history', async () => {
    const history = (await myData(alice)).categories.find((c) => c.id === 'sign-in-history')!;
    const methods = history.records.map((r) => r.method);
    expect(methods).toEqual(expect.arrayContaining(['sso:northwind-entra-id', 'social:github']));
    expect(history.records.filter((r) => r.thirdParty === true).length).toBeGreaterThanOrEqual(2);
    // The sign-in this test just made is recorded too.
    expect(history.records.some((r) => r.method === 'password' && r.ip === '127.0.0.1')).toBe(true);
  });

  it('P5.2 a corrected phone number shows in My data at once', async () => {
    const patched = await alice.request('PATCH', '/me', { phone: '+49 30 555 0111' });
    expect(patched.status).toBe(200);
    const identity = (await myData(alice)).categories.find((c) => c.id === 'identity')!;
    expect(identity.records[0]).toMatchObject({ phone: '+49 30 555 0111' });
  });

  it('P1.5 service requests show their contact details, the page they came from and the IP address', async () => {
    const id = plantTicket(api.app.db, ALICE, 2);
    const tickets = (await myData(alice)).categories.find((c) => c.id === 'service-requests')!;
    expect(tickets.purposes).toContain('P2.3');
    // Found by id: the demo seed's own requests of this user may be more recent than the planted one.
    const planted = tickets.records.find((r) => r.id === id);
    expect(planted).toMatchObject({ requesterIp: '198.51.100.23', origin: { kind: 'doc', ref: 'routers/bgp' }, contact: { email: ALICE.email } });
    expect(planted!.comments).toHaveLength(2);
  });

  it('P1.2 and P1.4 help requests and software applications, with the phone and address given, are part of My data; so is document feedback (P2.1)', async () => {
    plantSoftwareAndFeedback(api.app.db, ALICE);
    const data = await myData(alice);
    const software = data.categories.find((c) => c.id === 'software')!;
    expect(software.records.map((r) => r.kind).sort()).toEqual(['application', 'help-request']);
    expect(software.records.find((r) => r.kind === 'help-request')).toMatchObject({ email: ALICE.email, address: ALICE.contactAddress });
    expect(data.categories.find((c) => c.id === 'feedback')!.records[0]).toMatchObject({ comment: `Thanks, ${ALICE.name}`, helpful: true });
    expect(data.categories.find((c) => c.id === 'devices')!.records.map((r) => r.serial)).toEqual(['NW-RT-20931', 'NW-SW-44810']);
  });

  it('P1.3 the account data used to verify identity (company, industry, job) is listed with that purpose (P2.2)', async () => {
    const account = (await myData(alice)).categories.find((c) => c.id === 'account')!;
    expect(account.purposes).toContain('P2.2');
    expect(account.records[0]).toMatchObject({ company: 'Northwind Networks', industry: ALICE.industry, job: ALICE.job });
  });

  it('P6.2 each category states how long it is kept, and retention differs by purpose', async () => {
    const data = await myData(alice);
    const retention = Object.fromEntries(data.categories.map((c) => [c.id, c.retention]));
    expect(retention).toMatchObject({ identity: 'account-lifetime', 'service-requests': 'three-years-after-closure', 'sign-in-history': 'one-year', consents: 'until-withdrawn' });
    expect(new Set(Object.values(retention)).size).toBeGreaterThanOrEqual(4);
  });

  it('P2.7 what is kept for legal compliance says so, with its legal basis', async () => {
    const requests = (await myData(alice)).categories.find((c) => c.id === 'rights-requests')!;
    expect(requests).toMatchObject({ purposes: ['P2.7'], legalBasis: 'legal-obligation', retention: 'six-years-legal' });
  });

  it('every record of every category has exactly the fields and codes its declared schema lists, so the screen has words for each', async () => {
    plantTicket(api.app.db, ALICE, 1);
    plantSoftwareAndFeedback(api.app.db, ALICE);
    // A consent receipt, an objection (a purpose, refused: a refusal code) and a policy acknowledgement.
    expect((await alice.request('PUT', '/privacy/consents', { kind: 'analytics', granted: true })).status).toBe(200);
    await fileRequest(alice, { kind: 'object', purpose: 'legal-compliance' });
    const policy = (await alice.get('/privacy/policy')) as { current: { version: string } };
    expect((await alice.request('POST', '/privacy/policy/acknowledgements', { version: policy.current.version })).status).toBe(200);
    const data = await myData(alice);
    const undeclared = data.categories.flatMap((category) =>
      category.records.flatMap((record) => {
        const parsed = CATEGORY_RECORD_SCHEMAS[category.id].safeParse(record);
        return parsed.success ? [] : parsed.error.issues.map((issue) => `${category.id}: ${issue.path.join('.')} ${issue.message}`);
      }),
    );
    expect(undeclared).toEqual([]);
    // Every category had records to check.
    expect(data.categories.filter((category) => category.records.length === 0).map((category) => category.id)).toEqual([]);
  });
});
