import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopTickets, filledDraft } from './desktop-tickets';
import { ALICE, BERND } from './ticket-api-helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ accessTokenTtlSeconds: 24 * 3600 })));
afterAll(() => api.close());

describe('drafts', () => {
  it('start with the contact details of the profile (P1.5) and the page the user came from', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const draft = await app.service.newDraft('edge-router-9.2/bgp-troubleshooting');
    expect(draft.values.contact).toEqual({
      name: 'Alice Becker', email: ALICE.email, phone: ALICE.phone, country: 'DE', contactAddress: ALICE.contactAddress, company: 'Northwind Networks',
    });
    expect(draft.values.origin).toEqual({ kind: 'doc', ref: 'edge-router-9.2/bgp-troubleshooting' });
    app.close();
  });

  it('survive a crash: what was typed is there after a restart', async () => {
    const first = await desktopTickets(api.url, ALICE);
    const draft = await first.service.newDraft();
    first.service.saveDraft(draft.id, filledDraft('Typed before the crash'));
    first.close();
    const restarted = await desktopTickets(api.url, ALICE, { dataDir: first.dataDir, token: first.token });
    expect(restarted.service.listDrafts()).toEqual([expect.objectContaining({ id: draft.id, title: 'Typed before the crash', error: null })]);
    expect(restarted.service.getDraft(draft.id).values.title).toBe('Typed before the crash');
    restarted.close();
  });

  it('offline, a new draft takes the contact details last used on this computer', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const typed = await app.service.newDraft();
    app.service.saveDraft(typed.id, filledDraft('Earlier', { contact: { ...typed.values.contact, phone: '+49 30 555 0100' } }));
    app.net.up = false;
    const offline = await app.service.newDraft();
    expect(offline.values.contact.phone).toBe('+49 30 555 0100');
    app.close();
  });

  it('a visit to "New request" that typed nothing stores nothing; the first save makes the draft', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const left = await app.service.newDraft();
    const opened = await app.service.newDraft();
    expect(app.service.listDrafts()).toEqual([]);
    expect(app.localDb.prepare('SELECT count(*) AS n FROM tickets_drafts').get()).toEqual({ n: 0 });
    // The opened form has its address meanwhile (a reload finds it), as not stored yet.
    expect(app.service.getDraft(opened.id)).toMatchObject({ id: opened.id, stored: false, values: { title: '' } });
    app.service.saveDraft(opened.id, filledDraft('Typed at last'));
    expect(app.service.listDrafts()).toEqual([expect.objectContaining({ id: opened.id, title: 'Typed at last' })]);
    expect(app.service.getDraft(opened.id)).toMatchObject({ stored: true });
    // Discarding a form never typed in is fine too, and it is gone.
    await app.service.deleteDraft(left.id);
    expect(() => app.service.getDraft(left.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    app.close();
  });

  it('another user can neither open nor overwrite a draft by its id, stored or only opened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'esd-tickets-two-users-'));
    const alice = await desktopTickets(api.url, ALICE, { dataDir });
    const bernd = await desktopTickets(api.url, BERND, { dataDir });
    const stored = await alice.service.newDraft();
    alice.service.saveDraft(stored.id, filledDraft('Alice’s own'));
    const opened = await alice.service.newDraft();
    for (const id of [stored.id, opened.id]) {
      expect(() => bernd.service.getDraft(id)).toThrow(expect.objectContaining({ code: 'not_found' }));
      expect(() => bernd.service.saveDraft(id, filledDraft('Bernd’s'))).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
    expect(alice.service.getDraft(stored.id).values.title).toBe('Alice’s own');
    expect(bernd.service.listDrafts()).toEqual([]);
    alice.close();
    bernd.close();
  });

  it('are checked with the service’s rules before they are queued, and stay drafts when invalid', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const draft = await app.service.newDraft();
    app.service.saveDraft(draft.id, filledDraft('x', { severity: '' }));
    expect(() => app.service.submitDraft(draft.id)).toThrow(expect.objectContaining({ code: 'validation', fields: expect.objectContaining({ title: expect.any(String), severity: expect.any(String) }) }));
    expect(app.service.outboxItems()).toEqual([]);
    expect(app.service.listDrafts().map((d) => d.id)).toContain(draft.id);
    app.close();
  });

  it('refuse an attachment that is not the user’s own staged file', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const draft = await app.service.newDraft();
    expect(() => app.service.saveDraft(draft.id, filledDraft('With a made-up file', { attachmentIds: ['3f2b8c1e-0000-4000-8000-000000000000'] }))).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    app.close();
  });

  it('suggest topics of the local documentation while the title is typed (deflection), once per topic, as plain text', async () => {
    const queries: string[] = [];
    const searchDocs = async (query: string) => {
      queries.push(query);
      const hit = { library: 'edge-router-9.2', libraryTitle: 'Edge Router 9.2 Guide', version: '9.2', topicId: 'bgp', title: 'BGP sessions drop', snippet: 'When \u0002BGP\u0003 sessions drop', product: 'Edge Router', score: 3 };
      return [hit, { ...hit, title: 'BGP sessions drop: timers', score: 2 }]; // a section of the same topic
    };
    const app = await desktopTickets(api.url, ALICE, { searchDocs });
    expect(await app.service.suggestTopics('  BGP drops  ')).toEqual([{ library: 'edge-router-9.2', libraryTitle: 'Edge Router 9.2 Guide', version: '9.2', topicId: 'bgp', title: 'BGP sessions drop', snippet: 'When BGP sessions drop' }]);
    expect(queries).toEqual(['BGP drops']);
    expect(await app.service.suggestTopics('ab')).toEqual([]); // too short to mean anything
    app.close();
    const failing = await desktopTickets(api.url, ALICE, { searchDocs: () => Promise.reject(new Error('index missing')) });
    expect(await failing.service.suggestTopics('BGP drops')).toEqual([]);
    failing.close();
  });
});
