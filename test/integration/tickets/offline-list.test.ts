import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketListQuery } from '../../../shared/api/tickets';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopTickets, queueRequest } from './desktop-tickets';
import { ALICE, BERND } from './ticket-api-helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ accessTokenTtlSeconds: 24 * 3600 })));
afterAll(() => api.close());

describe('the request list offline (issue 13, bug 6)', () => {
  it('answers from the requests known on this computer, filtered and sorted as the service does, and says since when', async () => {
    const app = await desktopTickets(api.url, ALICE);
    await queueRequest(app.service, 'Known: storage array degraded', { severity: 'critical', product: 'Storage Array' });
    await queueRequest(app.service, 'Known: router drops BGP', { severity: 'low' });
    await queueRequest(app.service, 'Known: switch fan noise', { severity: 'high', product: 'Core Switch' });
    await app.service.outbox.flush();
    const queries: Omit<TicketListQuery, 'limit'>[] = [
      {}, { sort: 'severity' }, { sort: 'created' }, { sort: 'sla' }, { severity: 'high' }, { product: 'storage array' }, { q: 'bgp' }, { status: 'new', sort: 'severity' },
    ];
    const online = [];
    for (const query of queries) online.push(await app.service.list(query));
    expect(online[0]).toMatchObject({ total: 3, offlineSince: null });
    const number = online[0]!.items.find((t) => t.title === 'Known: router drops BGP')!.number;

    app.net.up = false;
    for (const [i, query] of queries.entries()) {
      const offline = await app.service.list(query);
      expect(offline.offlineSince, JSON.stringify(query)).toEqual(expect.any(String));
      expect(offline.items.map((t) => t.id), JSON.stringify(query)).toEqual(online[i]!.items.map((t) => t.id));
      expect(offline.total).toBe(online[i]!.total);
    }
    expect((await app.service.list({ q: number })).items.map((t) => t.title)).toEqual(['Known: router drops BGP']);
    app.close();
  });

  it('keeps each user’s copy to that user, and a complete list forgets what the service no longer lists', async () => {
    const alice = await desktopTickets(api.url, ALICE);
    await alice.service.list();
    const bernd = await desktopTickets(api.url, BERND, { dataDir: alice.dataDir });
    bernd.net.up = false;
    expect(await bernd.service.list()).toMatchObject({ items: [], total: 0, offlineSince: expect.any(String) });

    // A request that went away on the service (here: deleted there) is gone from the copy after the next full list.
    const [gone] = (await alice.service.list()).items;
    api.app.db.prepare('DELETE FROM ticket_events WHERE ticket_id = ?').run(gone!.id);
    api.app.db.prepare('DELETE FROM tickets WHERE id = ?').run(gone!.id);
    await alice.service.list();
    alice.net.up = false;
    expect((await alice.service.list()).items.map((t) => t.id)).not.toContain(gone!.id);
    alice.close();
    bernd.close();
  });
});
