import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate';
import { MIGRATIONS } from '../../../server/db/migrations';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, CHEN, newKey, signedIn, ticketBody, type Caller } from './ticket-api-helpers';

// Attack finding 6: request numbers and the change-feed cursor were one global sequence, so a customer
// could measure every other company's volume. Alice is at Northwind, Chen at Contoso.
let api: TestApi;
let alice: Caller;
let chen: Caller;
beforeAll(async () => {
  api = await startTestApi({ accessTokenTtlSeconds: 24 * 3600 });
  [alice, chen] = await Promise.all([signedIn(api.url, ALICE), signedIn(api.url, CHEN)]);
});
afterAll(() => api.close());

const create = async (as: Caller, title: string) => {
  const response = await as('POST', '/tickets', { body: ticketBody({ title }), key: newKey() });
  expect(response.status).toBe(201);
  return response.body as { id: string; number: string };
};
const numberOf = (ticket: { number: string }) => Number(ticket.number.replace('SR-', ''));

describe('per-company counters', () => {
  it('another company\'s requests do not move the number of the next one', async () => {
    const first = await create(alice, 'Northwind one');
    for (let i = 0; i < 5; i += 1) await create(chen, `Contoso ${i}`);
    const second = await create(alice, 'Northwind two');
    expect(numberOf(second)).toBe(numberOf(first) + 1);
    // The number still finds the request in a search.
    expect((await alice('GET', `/tickets?q=${second.number}`)).body.items.map((t: { id: string }) => t.id)).toEqual([second.id]);
  });

  it('another company\'s activity does not move the change-feed cursor, and one\'s own is delivered once', async () => {
    const start = (await alice('GET', '/tickets/changes?since=latest')).body.cursor as number;
    const contoso = await create(chen, 'Contoso busy');
    await chen('POST', `/tickets/${contoso.id}/comments`, { body: { body: 'More logs.' }, key: newKey() });
    await chen('POST', `/tickets/${contoso.id}/close`, { key: newKey() });
    const quiet = (await alice('GET', `/tickets/changes?since=${start}`)).body;
    expect(quiet).toEqual({ cursor: start, events: [] });

    const mine = await create(alice, 'Northwind feed');
    const page = (await alice('GET', `/tickets/changes?since=${start}`)).body;
    expect(page.events).toEqual([expect.objectContaining({ ticketId: mine.id, kind: 'created', number: mine.number })]);
    expect(page.cursor).toBe(start + 1);
    expect((await alice('GET', `/tickets/changes?since=${page.cursor}`)).body).toEqual({ cursor: page.cursor, events: [] });
  });

  it('a cursor from before the upgrade (a global event number) resumes at the same point in the company feed', async () => {
    const before = await create(alice, 'Northwind before');
    // What an app released before migration 8 stored: the global sequence of the last event it saw.
    const legacy = (api.app.db.prepare('SELECT seq FROM ticket_events WHERE ticket_id = ?').get(before.id) as { seq: number }).seq;
    await create(chen, 'Contoso meanwhile');
    const after = await create(alice, 'Northwind after');
    const page = (await alice('GET', `/tickets/changes?since=${legacy}`)).body;
    expect(page.events.map((e: { ticketId: string }) => e.ticketId)).toEqual([after.id]);
    expect((await alice('GET', `/tickets/changes?since=${page.cursor}`)).body.events).toEqual([]);
  });
});

describe('migration 8 on a database from before it', () => {
  it('keeps every request\'s number, numbers each company\'s events in order, and continues from there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenant-migration-'));
    const db = new BetterSqlite3(join(dir, 'api.sqlite'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS.filter((m) => m.version < 8));
      const at = Date.UTC(2026, 0, 1);
      for (const [id, name] of [['co-a', 'A'], ['co-b', 'B']]) db.prepare('INSERT INTO companies (id, name, country, created_at) VALUES (?, ?, ?, ?)').run(id, name, 'DE', at);
      for (const [id, company] of [['user-a', 'co-a'], ['user-b', 'co-b']]) {
        db.prepare(
          `INSERT INTO users (id, company_id, name, email, phone, contact_address, country, industry, job, password_hash, created_at, updated_at)
           VALUES (?, ?, 'N', ?, '', '', 'DE', '', '', '!', ?, ?)`,
        ).run(id, company, `${id}@example.com`, at, at);
      }
      // Global numbers as the old server handed them out: A 1001, B 1002, A 1003; events interleaved.
      const ticket = db.prepare(
        `INSERT INTO tickets (id, number_seq, owner_id, company_id, title, description, product, version, device_serial, severity, category, status,
           contact_json, requester_ip, created_at, updated_at, sla_due_at) VALUES (?, ?, ?, ?, 't', 'd', 'p', 'v', '', 'low', 'question', 'new', '{}', '', ?, ?, ?)`,
      );
      const event = db.prepare(`INSERT INTO ticket_events (ticket_id, kind, actor, at) VALUES (?, 'created', 'customer', ?)`);
      for (const [id, seq, owner, company] of [['t1', 1001, 'user-a', 'co-a'], ['t2', 1002, 'user-b', 'co-b'], ['t3', 1003, 'user-a', 'co-a']] as const) {
        ticket.run(id, seq, owner, company, at, at, at);
        event.run(id, at);
      }
      event.run('t2', at + 1);

      expect(migrate(db)[0]).toBe(8); // then any later migration
      expect(db.prepare('SELECT id, number FROM tickets ORDER BY id').all()).toEqual([
        { id: 't1', number: 1001 }, { id: 't2', number: 1002 }, { id: 't3', number: 1003 },
      ]);
      expect(db.prepare('SELECT ticket_id, company_id, company_seq FROM ticket_events ORDER BY seq').all()).toEqual([
        { ticket_id: 't1', company_id: 'co-a', company_seq: 1 },
        { ticket_id: 't2', company_id: 'co-b', company_seq: 1 },
        { ticket_id: 't3', company_id: 'co-a', company_seq: 2 },
        { ticket_id: 't2', company_id: 'co-b', company_seq: 2 },
      ]);
      expect(db.prepare('SELECT company_id, counter, value FROM tenant_counters ORDER BY company_id, counter').all()).toEqual([
        { company_id: 'co-a', counter: 'feed', value: 2 },
        { company_id: 'co-a', counter: 'ticket_number', value: 1003 },
        { company_id: 'co-b', counter: 'feed', value: 2 },
        { company_id: 'co-b', counter: 'ticket_number', value: 1002 },
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
