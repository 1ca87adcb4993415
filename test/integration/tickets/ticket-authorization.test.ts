import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEVICES } from '../../../server/tickets/seed-tickets';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, CHEN, LI, caller, newKey, signedIn, ticketBody, uploadFile, type Caller } from './ticket-api-helpers';

/**
 * Route-by-route authorization of the tickets domain (P6.1 access control): the owner may, another
 * user of the same company may not, another company may not, and an anonymous caller is asked to
 * sign in. Another's resources answer 404, so their existence is never confirmed.
 */
let api: TestApi;
type Who = 'owner' | 'otherUser' | 'otherCompany' | 'anonymous';
const callers = {} as Record<Who, Caller & { token: string | null }>;
let ticketId: string;
let attachmentId: string;
const ALICE_DEVICE = DEMO_DEVICES[0].id;

beforeAll(async () => {
  api = await startTestApi();
  callers.owner = await signedIn(api.url, ALICE);
  callers.otherUser = await signedIn(api.url, BERND);
  callers.otherCompany = await signedIn(api.url, CHEN); // a Contoso admin: still nothing of Northwind's
  callers.anonymous = Object.assign(caller(api.url, null), { token: null });
  ticketId = (await callers.owner('POST', '/tickets', { body: ticketBody(), key: newKey() })).body.id;
  attachmentId = (await uploadFile(api.url, callers.owner.token, ticketId, 'a.log', new TextEncoder().encode('log'))).body.id;
});
afterAll(() => api.close());

type Route = { name: string; run: (who: Who) => Promise<{ status: number; body: unknown }>; ownerStatus: number };
const routes: Route[] = [
  { name: 'GET /tickets/:id', run: (w) => callers[w]('GET', `/tickets/${ticketId}`), ownerStatus: 200 },
  { name: 'POST /tickets/:id/comments', run: (w) => callers[w]('POST', `/tickets/${ticketId}/comments`, { body: { body: 'Hello' }, key: newKey() }), ownerStatus: 201 },
  { name: 'POST /tickets/:id/attachments', run: (w) => uploadFile(api.url, callers[w].token, ticketId, 'b.log', new Uint8Array([1, 2, 3])), ownerStatus: 201 },
  { name: 'GET /tickets/:id/attachments/:attachmentId', run: (w) => callers[w]('GET', `/tickets/${ticketId}/attachments/${attachmentId}`), ownerStatus: 200 },
  { name: 'POST /tickets/:id/close', run: (w) => callers[w]('POST', `/tickets/${ticketId}/close`), ownerStatus: 200 },
  { name: 'POST /tickets/:id/reopen', run: (w) => callers[w]('POST', `/tickets/${ticketId}/reopen`), ownerStatus: 200 },
  { name: 'GET /devices/:id', run: (w) => callers[w]('GET', `/devices/${ALICE_DEVICE}`), ownerStatus: 200 },
];
const expected: Record<Exclude<Who, 'owner'>, number> = { otherUser: 404, otherCompany: 404, anonymous: 401 };

describe.each(routes)('$name', (route) => {
  it('lets the owner in', async () => expect((await route.run('owner')).status).toBe(route.ownerStatus));
  it.each(Object.entries(expected))('answers %s with %i and changes nothing', async (who, status) => {
    const before = (await callers.owner('GET', `/tickets/${ticketId}`)).body;
    expect((await route.run(who as Who)).status).toBe(status);
    expect((await callers.owner('GET', `/tickets/${ticketId}`)).body).toEqual(before);
  });
});

describe('collections show each caller only their own', () => {
  it('POST /tickets: anonymous is asked to sign in', async () => {
    expect((await callers.anonymous('POST', '/tickets', { body: ticketBody(), key: newKey() })).status).toBe(401);
  });

  it.each(['GET /tickets', 'GET /tickets/changes', 'GET /devices'])('%s: owner sees theirs, others see none of it, anonymous gets 401', async (route) => {
    const path = route.split(' ')[1]!;
    const ids = async (who: Who) => {
      const { body } = await callers[who]('GET', path);
      return ((body.items ?? body.events) as { id?: string; ticketId?: string }[]).map((item) => item.ticketId ?? item.id);
    };
    const mine = path === '/devices' ? ALICE_DEVICE : ticketId;
    expect(await ids('owner')).toContain(mine);
    expect(await ids('otherUser')).not.toContain(mine);
    expect(await ids('otherCompany')).not.toContain(mine);
    expect((await callers.anonymous('GET', path)).status).toBe(401);
  });
});

describe('company admins', () => {
  it('read a colleague’s request but cannot change it', async () => {
    const li = await signedIn(api.url, LI);
    const liTicket = (await li('POST', '/tickets', { body: ticketBody({ deviceSerial: '' }), key: newKey() })).body;
    const chen = callers.otherCompany;
    expect((await chen('GET', '/tickets')).body.items.map((t: { id: string }) => t.id)).toContain(liTicket.id);
    expect((await chen('GET', `/tickets/${liTicket.id}`)).body).toMatchObject({ id: liTicket.id, canChange: false });
    expect((await chen('POST', `/tickets/${liTicket.id}/close`)).status).toBe(403);
    expect((await chen('POST', `/tickets/${liTicket.id}/comments`, { body: { body: 'Hi' }, key: newKey() })).status).toBe(403);
    // Li is not an admin: Chen's own requests stay hidden from her.
    const chenTicket = (await chen('POST', '/tickets', { body: ticketBody({ deviceSerial: '' }), key: newKey() })).body;
    expect((await li('GET', `/tickets/${chenTicket.id}`)).status).toBe(404);
  });
});
