import { FeedSchema, TicketListSchema, type FeedEvent } from '../../shared/api/tickets';
import { newKey, type ApiCaller } from '../http-client';
import { expectError, expectStatus, must, type Check } from '../kit';
import { createTicket, ticketBody } from './ticket-fixtures';

async function list(caller: ApiCaller, query: string) {
  const answer = await caller.call('GET', `/tickets?${query}`);
  expectStatus(answer, 200, `GET /tickets?${query}`);
  const parsed = TicketListSchema.safeParse(answer.body);
  must(parsed.success, `GET /tickets?${query} does not match TicketList`);
  return parsed.data;
}

async function feed(caller: ApiCaller, since: string | number, limit = 500) {
  const answer = await caller.call('GET', `/tickets/changes?since=${since}&limit=${limit}`);
  expectStatus(answer, 200, 'GET /tickets/changes');
  const parsed = FeedSchema.safeParse(answer.body);
  must(parsed.success, 'GET /tickets/changes does not match Feed');
  return parsed.data;
}

export const TICKET_CHECKS: Check[] = [
  {
    id: 'tickets.filters',
    title: 'The request list filters by product, severity, status and text, and counts what matches',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const product = `Conformance ${kit.runId} filters`;
      await createTicket(owner, ticketBody(kit.runId, { product, severity: 'low', title: `${kit.runId} filters alpha` }));
      const critical = await createTicket(owner, ticketBody(kit.runId, { product, severity: 'critical', title: `${kit.runId} filters beta` }));
      const all = await list(owner, `product=${encodeURIComponent(product)}`);
      must(all.total === 2 && all.items.length === 2, `product filter: expected 2, got total ${all.total}`);
      const low = await list(owner, `product=${encodeURIComponent(product)}&severity=low`);
      must(low.total === 1 && low.items[0]?.severity === 'low', 'severity=low must give the one low request');
      const text = await list(owner, `q=${encodeURIComponent(`${kit.runId} filters beta`)}`);
      must(text.total === 1 && text.items[0]?.id === critical.id, 'q= must find the request by its title');
      const closed = await list(owner, `product=${encodeURIComponent(product)}&status=closed`);
      must(closed.total === 0, 'status=closed must give none of two open requests');
      expectError(await owner.call('GET', '/tickets?severity=urgent'), 400, 'validation', 'an unknown severity');
      expectError(await owner.call('GET', '/tickets?colour=red'), 400, 'validation', 'an unknown filter');
    },
  },
  {
    id: 'tickets.pagination',
    title: 'limit caps the page while total counts every match; sort=created puts the newest first',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const product = `Conformance ${kit.runId} pages`;
      const created = [];
      for (const n of [1, 2, 3]) created.push(await createTicket(owner, ticketBody(kit.runId, { product, title: `${kit.runId} page ${n}` })));
      const page = await list(owner, `product=${encodeURIComponent(product)}&limit=2&sort=created`);
      must(page.items.length === 2 && page.total === 3, `limit=2: expected 2 items of total 3, got ${page.items.length} of ${page.total}`);
      const newest = await list(owner, `product=${encodeURIComponent(product)}&sort=created`);
      const times = newest.items.map((item) => Date.parse(item.createdAt));
      must(times.every((time, i) => i === 0 || times[i - 1]! >= time), 'sort=created must put the newest first');
      expectError(await owner.call('GET', '/tickets?limit=0'), 400, 'validation', 'limit=0');
    },
  },
  {
    id: 'idempotency.replay',
    title: 'The same Idempotency-Key and body answer the stored result: same status, same request, no second one',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const key = newKey();
      const body = ticketBody(kit.runId, { title: `${kit.runId} replay`, product: `Conformance ${kit.runId} replay` });
      const first = await owner.call('POST', '/tickets', { json: body, key });
      expectStatus(first, 201, 'first POST');
      const again = await owner.call('POST', '/tickets', { json: body, key });
      must(again.status === first.status, `the replay answered ${again.status}, the first ${first.status}`);
      must(again.body?.id === first.body?.id, 'the replay created another request instead of answering the stored one');
      must((await list(owner, `product=${encodeURIComponent(body.product)}`)).total === 1, 'two requests were stored for one key');
    },
  },
  {
    id: 'idempotency.other-body',
    title: 'The same Idempotency-Key with another body answers 422 and stores nothing',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const key = newKey();
      const body = ticketBody(kit.runId, { title: `${kit.runId} other body`, product: `Conformance ${kit.runId} other` });
      expectStatus(await owner.call('POST', '/tickets', { json: body, key }), 201, 'first POST');
      const other = await owner.call('POST', '/tickets', { json: { ...body, title: `${kit.runId} other body changed` }, key });
      expectError(other, 422, 'validation', 'the same key with another body');
      must((await list(owner, `product=${encodeURIComponent(body.product)}`)).total === 1, 'the second body was stored');
    },
  },
  {
    id: 'idempotency.concurrent',
    title: 'Eight concurrent duplicates (same key and body) give exactly one request, and all eight answers name it',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const key = newKey();
      const body = ticketBody(kit.runId, { title: `${kit.runId} concurrent`, product: `Conformance ${kit.runId} concurrent` });
      const answers = await Promise.all(Array.from({ length: 8 }, () => owner.call('POST', '/tickets', { json: body, key })));
      const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body?.id));
      must(answers.every((a) => a.status === 201), `statuses: ${answers.map((a) => a.status).join(', ')}`);
      must(ids.size === 1, `the answers name ${ids.size} different requests`);
      const stored = await list(owner, `product=${encodeURIComponent(body.product)}`);
      must(stored.total === 1, `${stored.total} requests were stored for one key`);
    },
  },
  {
    id: 'idempotency.per-user',
    title: "A key is the caller's own: another user sending the same key gets their own request, never the first user's answer",
    run: async (kit) => {
      const [owner, other] = [await kit.as('owner'), await kit.as('otherCompany')];
      const key = newKey();
      const body = ticketBody(kit.runId, { title: `${kit.runId} shared key` });
      const first = await owner.call('POST', '/tickets', { json: body, key });
      const second = await other.call('POST', '/tickets', { json: body, key });
      expectStatus(first, 201, "the owner's POST");
      expectStatus(second, 201, "the other user's POST");
      must(second.body?.id !== first.body?.id, "the other user was answered the owner's request");
    },
  },
  {
    id: 'idempotency.key-required',
    title: 'POST /tickets without an Idempotency-Key is refused with 400',
    run: async (kit) => expectError(await (await kit.as('owner')).call('POST', '/tickets', { json: ticketBody(kit.runId) }), 400, 'validation', 'no key'),
  },
  {
    id: 'feed.ordering',
    title: "The change feed lists a request's creation, reply and closing after the cursor, in ascending order, and resumes without repeats",
    run: async (kit) => {
      const owner = await kit.as('owner');
      const start = await feed(owner, 'latest');
      const ticket = await createTicket(owner, ticketBody(kit.runId, { title: `${kit.runId} feed` }));
      expectStatus(await owner.call('POST', `/tickets/${ticket.id}/comments`, { json: { body: 'A reply from the kit.' }, key: newKey() }), 201, 'reply');
      expectStatus(await owner.call('POST', `/tickets/${ticket.id}/close`), 200, 'close');
      const after = await feed(owner, start.cursor);
      const seqs = after.events.map((event) => event.seq);
      must(seqs.every((seq, i) => i === 0 || seqs[i - 1]! < seq), `events must come in ascending seq, got ${seqs.join(',')}`);
      const kinds = after.events.filter((event) => event.ticketId === ticket.id).map((event) => (event.kind === 'status' ? `status:${event.status}` : event.kind));
      must(kinds.join(' ') === 'created reply status:closed', `expected "created reply status:closed" for the request, got "${kinds.join(' ')}"`);
      const resumed = await feed(owner, after.cursor);
      must(!resumed.events.some((event) => event.ticketId === ticket.id), 'reading from the new cursor repeated events already read');
    },
  },
  {
    id: 'feed.paging',
    title: 'Reading the feed one event at a time gives the same events, in the same order, as one page',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const start = await feed(owner, 'latest');
      const ticket = await createTicket(owner, ticketBody(kit.runId, { title: `${kit.runId} feed pages` }));
      expectStatus(await owner.call('POST', `/tickets/${ticket.id}/close`), 200, 'close');
      const whole = (await feed(owner, start.cursor)).events.filter((e) => e.ticketId === ticket.id);
      const paged: FeedEvent[] = [];
      let cursor: number = start.cursor;
      for (let page = 0; page < 50; page++) {
        const next = await feed(owner, cursor, 1);
        paged.push(...next.events.filter((e) => e.ticketId === ticket.id));
        if (next.events.length === 0 || next.cursor === cursor) break;
        cursor = next.cursor;
      }
      must(JSON.stringify(paged.map((e) => e.seq)) === JSON.stringify(whole.map((e) => e.seq)), `one page: ${whole.map((e) => e.seq).join(',')}; one at a time: ${paged.map((e) => e.seq).join(',')}`);
    },
  },
];
