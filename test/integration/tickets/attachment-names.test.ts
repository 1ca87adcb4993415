import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopTickets, filledDraft } from './desktop-tickets';
import { ALICE, newKey, signedIn, ticketBody, uploadFile } from './ticket-api-helpers';

// Attack finding 5: a right-to-left override makes "invoice\u202Etxt.exe" read as "invoiceexe.txt".
const SPOOFED = 'invoice\u202Etxt.exe';
const SHOWN = 'invoicetxt.exe';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ accessTokenTtlSeconds: 24 * 3600 })));
afterAll(() => api.close());

const storedNames = () => (api.app.db.prepare('SELECT name FROM ticket_attachments').all() as { name: string }[]).map((row) => row.name);

describe('attachment names with bidi and zero-width characters', () => {
  it('the service stores an uploaded file under the visible name, without the override', async () => {
    const alice = await signedIn(api.url, ALICE);
    const created = await alice('POST', '/tickets', { body: ticketBody({ title: 'Spoofed attachment name' }), key: newKey() });
    expect(created.status).toBe(201);
    const upload = await uploadFile(api.url, alice.token, created.body.id, `zero\u200Bwidth-${SPOOFED}`, new Uint8Array([1, 2, 3]));
    expect(upload).toMatchObject({ status: 201, body: { name: `zerowidth-${SHOWN}` } });
    expect(storedNames()).toContain(`zerowidth-${SHOWN}`);
    expect(storedNames().some((name) => /[\u202E\u200B]/.test(name))).toBe(false);
  });

  it('the app stages a picked file under the visible name, and that is what the service receives', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const staged = await app.service.stageBytes(SPOOFED, Buffer.from('MZ').toString('base64'));
    expect(staged.name).toBe(SHOWN);
    const draft = await app.service.newDraft();
    app.service.saveDraft(draft.id, filledDraft('Staged spoofed name', { attachmentIds: [staged.id] }));
    app.service.submitDraft(draft.id);
    await app.service.outbox.flush();
    const [ticket] = (await app.service.list({ q: 'Staged spoofed name' })).items;
    expect((await app.service.get(ticket!.id)).attachments.map((a) => a.name)).toEqual([SHOWN]);
    app.close();
  });

  it('a name an older service stored as it came is shown and offered to the save dialog without the override', async () => {
    const alice = await signedIn(api.url, ALICE);
    const created = await alice('POST', '/tickets', { body: ticketBody({ title: 'Legacy spoofed name' }), key: newKey() });
    const upload = await uploadFile(api.url, alice.token, created.body.id, 'placeholder.bin', new Uint8Array([7]));
    // As a server without the rule kept it.
    api.app.db.prepare('UPDATE ticket_attachments SET name = ? WHERE id = ?').run(SPOOFED, upload.body.id);

    const offered: string[] = [];
    const target = join(mkdtempSync(join(tmpdir(), 'esd-save-name-')), 'chosen.bin');
    const app = await desktopTickets(api.url, ALICE, { saveFileAs: async (name) => (offered.push(name), target) });
    expect((await app.service.get(created.body.id)).attachments.map((a) => a.name)).toEqual([SHOWN]);
    expect(await app.service.saveAttachment(created.body.id, upload.body.id)).toEqual({ saved: true, name: SHOWN });
    expect(offered).toEqual([SHOWN]);
    app.close();
  });
});
