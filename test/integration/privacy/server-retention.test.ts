import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_YEARS, type MyData } from '../../../shared/api/privacy';
import { purgeExpired } from '../../../server/privacy/retention';
import { startTestApi, type TestApi } from '../server/helpers';
import { newKey, ticketBody } from '../tickets/ticket-api-helpers';
import { BERND, signedIn } from './api-helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const category = (data: MyData, id: string) => data.categories.find((c) => c.id === id)!;

describe('retention periods are enforced by the service (P6.2)', () => {
  it('P6.2 with the clock moved past each period the purge deletes what ended (sign-ins after one year, a closed request after three), keeps what has not, logs it, and a second run removes nothing', async () => {
    const bernd = await signedIn(api, BERND);
    const create = async (title: string) =>
      (await fetch(`${api.url}/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bernd.token}`, 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(ticketBody({ title, deviceSerial: '' })),
      }).then((r) => r.json())) as { id: string };
    const ticket = await create('Retention closed request');
    const stillOpen = await create('Retention open request');
    expect((await bernd.request('POST', `/tickets/${ticket.id}/close`, {})).status).toBeLessThan(300);

    // My data says when each record goes, from the same definition the purge uses.
    const before = (await bernd.get('/privacy/my-data')) as MyData;
    const signIns = category(before, 'sign-in-history');
    const newest = signIns.records.findIndex((r) => Date.parse(String(r.at)) === api.clock.now());
    expect(newest).toBeGreaterThanOrEqual(0);
    expect(Date.parse(signIns.goesAt[newest]!) - api.clock.now()).toBe(RETENTION_YEARS['one-year']! * YEAR);
    const requests = category(before, 'service-requests');
    const closed = requests.records.findIndex((r) => r.id === ticket.id);
    expect(requests.goesAt[closed]).toBe(new Date(Date.parse(String(requests.records[closed]!.updatedAt)) + 3 * YEAR).toISOString());
    expect(requests.goesAt[requests.records.findIndex((r) => r.id === stillOpen.id)]).toBeNull();
    expect(category(before, 'identity').goesAt.every((at) => at === null)).toBe(true);

    const logged: object[] = [];
    // A day before the year ends, today's sign-in stays.
    const today = api.clock.now();
    purgeExpired(dbOf(), today + YEAR - DAY, (_line, detail) => logged.push(detail));
    expect(dbOf().prepare('SELECT count(*) AS n FROM sign_in_events WHERE at = ?').get(today)).not.toEqual({ n: 0 });

    // Past one year: today's sign-ins go; the closed request stays (three years).
    const afterOneYear = purgeExpired(dbOf(), today + YEAR + DAY, (_line, detail) => logged.push(detail));
    expect(afterOneYear.find((r) => r.category === 'sign-in-history')?.removed).toBeGreaterThan(0);
    expect(dbOf().prepare('SELECT count(*) AS n FROM sign_in_events WHERE at = ?').get(today)).toEqual({ n: 0 });
    expect(dbOf().prepare('SELECT count(*) AS n FROM tickets WHERE id = ?').get(ticket.id)).toEqual({ n: 1 });
    expect(logged.length).toBeGreaterThan(0);

    // Past three years: the closed request goes with its comments and history; an open one stays.
    purgeExpired(dbOf(), today + 3 * YEAR + DAY);
    expect(dbOf().prepare('SELECT count(*) AS n FROM tickets WHERE id = ?').get(ticket.id)).toEqual({ n: 0 });
    expect(dbOf().prepare('SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ?').get(ticket.id)).toEqual({ n: 0 });
    expect(dbOf().prepare('SELECT count(*) AS n FROM tickets WHERE id = ?').get(stillOpen.id)).toEqual({ n: 1 });

    // Idempotent: the same moment again removes nothing.
    expect(purgeExpired(dbOf(), today + 3 * YEAR + DAY)).toEqual([]);
  });
});

/** The service's own connection (Fastify's `db` decoration), as its scheduled purge uses it. */
const dbOf = () => (api.app as unknown as { db: Database }).db;
