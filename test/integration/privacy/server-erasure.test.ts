import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RightsRequestSchema } from '../../../shared/api/privacy';
import { requestCode, authorizeParams, createPkce } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, signedIn } from './api-helpers';
import { existsSync } from 'node:fs';
import { plantAttachment, plantSoftwareAndFeedback, plantTicket } from './plant-data';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

/** Every file of the database (main file, WAL, shared memory) as one Latin-1 string, for byte searches. */
function databaseBytes(dbPath: string): string {
  const dir = dirname(dbPath);
  return readdirSync(dir)
    .filter((name) => name.startsWith('reference-api.sqlite'))
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('\n');
}

describe('erasure (deregistration)', () => {
  it('P5.4 erasure removes personal data and blocks sign-in (P6.3), keeping service requests only anonymised', async () => {
    const alice = await signedIn(api, ALICE);
    const ticketId = plantTicket(api.app.db, ALICE);
    plantSoftwareAndFeedback(api.app.db, ALICE);
    const attachment = plantAttachment(api.app.db, ticketId, `Log of ${ALICE.name}`);
    api.app.db.prepare('INSERT OR IGNORE INTO ticket_company_admins (user_id) VALUES (?)').run(ALICE.id);
    await alice.request('PUT', '/privacy/consents', { kind: 'marketing', granted: true });
    await alice.request('POST', '/privacy/exports');
    expect(databaseBytes(api.dbPath)).toContain(ALICE.email);

    const filed = await alice.request('POST', '/privacy/requests', { kind: 'erase', note: `I am ${ALICE.name}` });
    const request = RightsRequestSchema.parse(filed.body);
    expect(request.status).toBe('confirmation-needed');
    api.clock.advance(60_000);
    const again = await signedIn(api, ALICE);
    // Failed sign-ins are kept (under a keyed hash of the address) for the lockout; Bernd's too.
    for (const email of [ALICE.email, BERND.email]) expect((await requestCode(api.url, email, 'wrong', authorizeParams(createPkce().challenge))).response.status).toBe(401);
    const failures = () => (api.app.db.prepare('SELECT count(*) AS n FROM login_failures').get() as { n: number }).n;
    expect(failures()).toBe(2);
    const confirmed = await again.request('POST', `/privacy/requests/${request.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'completed' });
    // Alice's failed sign-ins went with her account; Bernd's stay.
    expect(failures()).toBe(1);

    // Sessions are revoked: neither the old nor the confirming token works any more.
    expect((await alice.request('GET', '/me')).status).toBe(401);
    expect((await again.request('GET', '/privacy/my-data')).status).toBe(401);
    // The account cannot sign in again.
    const { challenge } = createPkce();
    const attempt = await requestCode(api.url, ALICE.email, ALICE.password, authorizeParams(challenge));
    expect(attempt.code).toBeUndefined();
    expect(attempt.response.status).toBe(401);

    // The service request is kept for the law, anonymised.
    const ticket = api.app.db.prepare('SELECT contact_json, requester_ip, title, description FROM tickets WHERE id = ?').get(ticketId);
    expect(ticket).toEqual({ contact_json: '{}', requester_ip: '', title: 'Router reboots (reported by [removed])', description: 'Please call [removed] at [removed].' });

    // Attachments cannot be anonymised: row and file are gone.
    expect(api.app.db.prepare('SELECT count(*) AS n FROM ticket_attachments WHERE ticket_id = ?').get(ticketId)).toEqual({ n: 0 });
    expect(existsSync(attachment)).toBe(false);
    expect(api.app.db.prepare('SELECT count(*) AS n FROM ticket_company_admins WHERE user_id = ?').get(ALICE.id)).toEqual({ n: 0 });
    for (const table of ['software_help_requests', 'software_applications', 'doc_feedback']) {
      expect(api.app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`).get(ALICE.id), table).toEqual({ n: 0 });
    }
    // Nothing in the database file, its WAL or shared memory still holds the e-mail, the name or the phone.
    const bytes = databaseBytes(api.dbPath);
    expect(bytes).not.toContain(ALICE.email);
    expect(bytes).not.toContain(ALICE.name);
    expect(bytes).not.toContain(ALICE.phone);
    expect(bytes).not.toContain(ALICE.contactAddress);
  });

  it('leaves other people untouched', async () => {
    const bernd = await signedIn(api, BERND);
    expect(await bernd.get('/me')).toMatchObject({ email: BERND.email, name: BERND.name });
  });
});
