import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/tickets';
import { DEMO_ENGINEER_NAME } from '../../../server/tickets/demo-engineer';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, BERND, newKey, signedIn, ticketBody, uploadFile, type Caller } from './ticket-api-helpers';

let api: TestApi;
let alice: Caller & { token: string };
let bernd: Caller & { token: string };
const ticketCount = () => (api.app.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

beforeAll(async () => {
  // Tokens outlive the clock jumps below (a day for key retention, two weeks for the reopen window).
  api = await startTestApi({ accessTokenTtlSeconds: 365 * 24 * 3600 });
  alice = await signedIn(api.url, ALICE);
  bernd = await signedIn(api.url, BERND);
});
afterAll(() => api.close());

describe('opening a service request', () => {
  it('records the contact details, the page it came from and the requester IP (P1.5), links the own device and sets the SLA', async () => {
    const origin = { kind: 'doc' as const, ref: 'edge-router/bgp-troubleshooting' };
    const created = await alice('POST', '/tickets', { body: ticketBody({ origin, category: 'cannot_obtain' }), key: newKey() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: expect.stringMatching(/^SR-\d+$/), status: 'new', origin, category: 'cannot_obtain', requesterIp: '127.0.0.1',
      contact: { email: 'alice@northwind.example', company: 'Northwind Networks' }, deviceId: expect.any(String), canChange: true,
      history: [{ from: null, to: 'new', actor: 'customer' }],
    });
    // High severity: first response due in four hours.
    expect(Date.parse(created.body.slaDueAt) - Date.parse(created.body.createdAt)).toBe(4 * 3600_000);
  });

  it('does not link a device serial that belongs to someone else', async () => {
    const created = await bernd('POST', '/tickets', { body: ticketBody({ deviceSerial: 'NW-RT-20931' }), key: newKey() });
    expect(created.body).toMatchObject({ deviceSerial: 'NW-RT-20931', deviceId: null });
  });

  it('refuses an invalid request with field messages and creates nothing', async () => {
    const before = ticketCount();
    const refused = await alice('POST', '/tickets', { body: ticketBody({ title: 'x', contact: { ...ticketBody().contact, email: 'nope' } }), key: newKey() });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toMatchObject({ title: expect.any(String), 'contact.email': expect.any(String) });
    expect(ticketCount()).toBe(before);
  });

  it('requires an Idempotency-Key, so a retry can never create a second request', async () => {
    const refused = await alice('POST', '/tickets', { body: ticketBody() });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Idempotency-Key/);
  });
});

describe('Idempotency-Key', () => {
  it('returns the original request for the same key and body, even a day later', async () => {
    const key = newKey();
    const first = await alice('POST', '/tickets', { body: ticketBody(), key });
    const before = ticketCount();
    const again = await alice('POST', '/tickets', { body: ticketBody(), key });
    expect(again).toEqual(first);
    api.clock.advance(24 * 3600_000);
    const dayLater = await alice('POST', '/tickets', { body: ticketBody(), key });
    expect(dayLater.body.id).toBe(first.body.id);
    expect(ticketCount()).toBe(before);
  });

  it('answers 422 to the same key with a different body, and changes nothing', async () => {
    const key = newKey();
    await alice('POST', '/tickets', { body: ticketBody(), key });
    const before = ticketCount();
    const reused = await alice('POST', '/tickets', { body: ticketBody({ title: 'Another problem entirely' }), key });
    expect(reused.status).toBe(422);
    expect(reused.body.error).toMatchObject({ code: 'validation', message: expect.stringMatching(/different request/) });
    expect(ticketCount()).toBe(before);
  });

  it('keeps keys per user: the same key from another user is a new request', async () => {
    const key = newKey();
    const mine = await alice('POST', '/tickets', { body: ticketBody(), key });
    const theirs = await bernd('POST', '/tickets', { body: ticketBody(), key });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('makes replies exactly-once too', async () => {
    const ticket = (await alice('POST', '/tickets', { body: ticketBody(), key: newKey() })).body;
    const key = newKey();
    const first = await alice('POST', `/tickets/${ticket.id}/comments`, { body: { body: 'Logs attached.' }, key });
    const second = await alice('POST', `/tickets/${ticket.id}/comments`, { body: { body: 'Logs attached.' }, key });
    expect(second.body.id).toBe(first.body.id);
    expect((await alice('GET', `/tickets/${ticket.id}`)).body.comments).toHaveLength(1);
    expect((await alice('POST', `/tickets/${ticket.id}/comments`, { body: { body: 'Other text' }, key })).status).toBe(422);
  });
});

describe('conversation and status flow', () => {
  it('the demo engineer asks a question, the reply puts it back in progress, then the engineer resolves it; it can be closed and reopened', async () => {
    const ticket = (await alice('POST', '/tickets', { body: ticketBody({ severity: 'critical' }), key: newKey() })).body;
    api.clock.advance(25_000);
    await vi.waitFor(async () => expect((await alice('GET', `/tickets/${ticket.id}`)).body.status).toBe('waiting_for_customer'), { timeout: 5000 });
    let detail = (await alice('GET', `/tickets/${ticket.id}`)).body;
    expect(detail.comments[0]).toMatchObject({ author: 'engineer', authorName: DEMO_ENGINEER_NAME });
    expect(detail.firstResponseAt).not.toBeNull();

    await alice('POST', `/tickets/${ticket.id}/comments`, { body: { body: 'Here is the output.' }, key: newKey() });
    expect((await alice('GET', `/tickets/${ticket.id}`)).body.status).toBe('in_progress');
    api.clock.advance(25_000);
    await vi.waitFor(async () => expect((await alice('GET', `/tickets/${ticket.id}`)).body.status).toBe('resolved'), { timeout: 5000 });

    expect((await alice('POST', `/tickets/${ticket.id}/close`)).body.status).toBe('closed');
    const closedReply = await alice('POST', `/tickets/${ticket.id}/comments`, { body: { body: 'One more thing' }, key: newKey() });
    expect(closedReply.status).toBe(409);
    detail = (await alice('POST', `/tickets/${ticket.id}/reopen`)).body;
    expect(detail.status).toBe('in_progress');
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['new', 'waiting_for_customer', 'in_progress', 'resolved', 'closed', 'in_progress']);
  });

  it('refuses to reopen after the reopen window', async () => {
    const ticket = (await alice('POST', '/tickets', { body: ticketBody(), key: newKey() })).body;
    await alice('POST', `/tickets/${ticket.id}/close`);
    api.clock.advance(15 * 24 * 3600_000);
    const late = await alice('POST', `/tickets/${ticket.id}/reopen`);
    expect(late.status).toBe(409);
    expect((await alice('GET', `/tickets/${ticket.id}`)).body.status).toBe('closed');
  });

  it('the change feed lists only the caller’s events after the cursor', async () => {
    const start = (await alice('GET', '/tickets/changes?since=0&limit=500')).body.cursor;
    const mine = (await alice('POST', '/tickets', { body: ticketBody(), key: newKey() })).body;
    await bernd('POST', '/tickets', { body: ticketBody(), key: newKey() });
    const feed = (await alice('GET', `/tickets/changes?since=${start}`)).body;
    expect(feed.events).toEqual([expect.objectContaining({ ticketId: mine.id, kind: 'created', number: mine.number })]);
    expect(feed.cursor).toBeGreaterThan(start);
    expect((await alice('GET', `/tickets/changes?since=${feed.cursor}`)).body.events).toEqual([]);
  });

  it('lists with filters, search and sort', async () => {
    await alice('POST', '/tickets', { body: ticketBody({ title: 'Storage array degraded', product: 'Storage Array', severity: 'low' }), key: newKey() });
    const storage = (await alice('GET', '/tickets?product=storage%20array')).body;
    expect(storage.items.length).toBeGreaterThan(0);
    expect(storage.items.every((t: { product: string }) => t.product === 'Storage Array')).toBe(true);
    const searched = (await alice('GET', '/tickets?q=degraded')).body;
    expect(searched.items.map((t: { title: string }) => t.title)).toEqual(['Storage array degraded']);
    const bySeverity = (await alice('GET', '/tickets?sort=severity')).body.items.map((t: { severity: string }) => t.severity);
    expect(bySeverity[0]).toBe('critical');
    expect((await alice('GET', '/tickets?status=bogus')).status).toBe(400);
  });
});

describe('attachments', () => {
  it('stores an upload with its sha256 and gives back the same bytes; a retried upload with the same key is stored once', async () => {
    const ticket = (await alice('POST', '/tickets', { body: ticketBody(), key: newKey() })).body;
    const bytes = new TextEncoder().encode('router log line\n'.repeat(1000));
    const key = newKey();
    const first = await uploadFile(api.url, alice.token, ticket.id, '../../etc/router.log', bytes, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'router.log', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const retry = await uploadFile(api.url, alice.token, ticket.id, 'router.log', bytes, key);
    expect(retry.body.id).toBe(first.body.id);
    expect((await alice('GET', `/tickets/${ticket.id}`)).body.attachments).toHaveLength(1);

    const download = await fetch(`${api.url}/tickets/${ticket.id}/attachments/${first.body.id}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a file over the size limit and keeps nothing of it', async () => {
    const ticket = (await alice('POST', '/tickets', { body: ticketBody(), key: newKey() })).body;
    const tooBig = await uploadFile(api.url, alice.token, ticket.id, 'huge.bin', new Uint8Array(MAX_ATTACHMENT_BYTES + 1));
    expect(tooBig.status).toBe(413);
    expect((await alice('GET', `/tickets/${ticket.id}`)).body.attachments).toEqual([]);
    const dir = join(dirname(api.dbPath), 'ticket-attachments');
    expect(readdirSync(dir).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });
});
