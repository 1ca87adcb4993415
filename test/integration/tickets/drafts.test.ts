import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopTickets, filledDraft } from './desktop-tickets';
import { ALICE } from './ticket-api-helpers';

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

  it('a visit to "New request" that typed nothing leaves no empty draft behind', async () => {
    const app = await desktopTickets(api.url, ALICE);
    await app.service.newDraft();
    await app.service.newDraft();
    expect(app.service.listDrafts()).toHaveLength(1);
    app.close();
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
