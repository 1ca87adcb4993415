import { TicketSchema } from '../../shared/api/tickets';
import { newKey, type ApiCaller } from '../http-client';
import { expectError, expectStatus, must, type Check, type KitContext } from '../kit';
import { createTicket, ticketBody } from './ticket-fixtures';

/**
 * Another person's request: reading, replying and closing it answer 404 (or 403), and it is in none of
 * their lists. The owner reads it first, as their app would, so a cache that ignores who asks shows.
 */
async function shutOut(kit: KitContext, caller: ApiCaller, who: string): Promise<void> {
  const owner = await kit.as('owner');
  const ticket = await createTicket(owner, ticketBody(kit.runId, { title: `${kit.runId} private to the owner` }));
  expectStatus(await owner.call('GET', `/tickets/${ticket.id}`), 200, 'the owner reads their request');
  expectStatus(await caller.call('GET', `/tickets/${ticket.id}`), [403, 404], `${who} reads the owner's request`);
  expectStatus(await caller.call('POST', `/tickets/${ticket.id}/comments`, { json: { body: 'Not mine.' }, key: newKey() }), [403, 404], `${who} replies to it`);
  expectStatus(await caller.call('POST', `/tickets/${ticket.id}/close`), [403, 404], `${who} closes it`);
  const list = await caller.call('GET', `/tickets?q=${encodeURIComponent(kit.runId)}`);
  must(!(list.body?.items ?? []).some((item: { id: string }) => item.id === ticket.id), `${who}'s list shows the owner's request`);
  const feed = await caller.call('GET', '/tickets/changes?since=0&limit=500');
  must(!(feed.body?.events ?? []).some((event: { ticketId: string }) => event.ticketId === ticket.id), `${who}'s change feed shows the owner's request`);
  const after = TicketSchema.parse((await owner.call('GET', `/tickets/${ticket.id}`)).body);
  must(after.status === ticket.status && after.comments.length === 0, `${who} changed the owner's request`);
}

export const AUTHORIZATION_CHECKS: Check[] = [
  {
    id: 'authorization.owner',
    title: 'The owner reads, replies to and closes their own request',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const ticket = await createTicket(owner, ticketBody(kit.runId, { title: `${kit.runId} owner` }));
      const read = TicketSchema.parse((await owner.call('GET', `/tickets/${ticket.id}`)).body);
      must(read.id === ticket.id && read.canChange, 'the owner must read the request with canChange true');
      expectStatus(await owner.call('POST', `/tickets/${ticket.id}/comments`, { json: { body: 'Mine.' }, key: newKey() }), 201, 'the owner replies');
      expectStatus(await owner.call('POST', `/tickets/${ticket.id}/close`), 200, 'the owner closes');
    },
  },
  { id: 'authorization.other-user', title: "Another user of the owner's company gets nothing of the owner's request", run: async (kit) => shutOut(kit, await kit.as('otherUser'), 'another user') },
  { id: 'authorization.other-company', title: "A user of another company gets nothing of the owner's request", run: async (kit) => shutOut(kit, await kit.as('otherCompany'), 'another company') },
  {
    id: 'authorization.anonymous',
    title: 'An anonymous caller is asked to sign in (401) for a request, the list, the feed and a new request',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const ticket = await createTicket(owner, ticketBody(kit.runId, { title: `${kit.runId} anonymous` }));
      expectStatus(await owner.call('GET', `/tickets/${ticket.id}`), 200, 'the owner reads their request');
      for (const [method, path] of [['GET', `/tickets/${ticket.id}`], ['GET', '/tickets'], ['GET', '/tickets/changes'], ['POST', '/tickets']] as const) {
        expectError(await kit.anonymous.call(method, path, method === 'POST' ? { json: ticketBody(kit.runId), key: newKey() } : {}), 401, 'unauthorized', `anonymous ${method} ${path}`);
      }
    },
  },
  {
    id: 'authorization.company-admin',
    title: "A company admin reads a colleague's request (canChange false) but cannot change it",
    run: async (kit) => {
      const admin = await kit.as('companyAdmin');
      const colleague = await kit.as('adminColleague');
      const ticket = await createTicket(colleague, ticketBody(kit.runId, { title: `${kit.runId} colleague` }));
      const read = await admin.call('GET', `/tickets/${ticket.id}`);
      expectStatus(read, 200, "the admin reads the colleague's request");
      must(TicketSchema.parse(read.body).canChange === false, 'the admin must read it with canChange false');
      const list = await admin.call('GET', `/tickets?q=${encodeURIComponent(`${kit.runId} colleague`)}`);
      must((list.body?.items ?? []).some((item: { id: string }) => item.id === ticket.id), "the admin's list must show the colleague's request");
      expectStatus(await admin.call('POST', `/tickets/${ticket.id}/close`), [403, 404], "the admin closes the colleague's request");
      expectStatus(await admin.call('POST', `/tickets/${ticket.id}/comments`, { json: { body: 'As admin.' }, key: newKey() }), [403, 404], 'the admin replies to it');
      must(TicketSchema.parse((await colleague.call('GET', `/tickets/${ticket.id}`)).body).status !== 'closed', "the admin closed the colleague's request");
    },
  },
];
