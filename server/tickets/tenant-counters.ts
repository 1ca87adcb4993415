import type { Database } from 'better-sqlite3';

/**
 * Per-company numbering (migration 8): request numbers and change-feed positions count within one
 * company, so neither reveals how much the service handles for everyone else (attack finding 6).
 */

export type Counter = 'ticket_number' | 'feed';
/** Where a company's count starts: SR-1001 is a company's first request, 1 its first feed event. */
const FIRST: Record<Counter, number> = { ticket_number: 1001, feed: 1 };

/** The company's next value of this counter. Call inside the transaction that uses it. */
export function nextCount(db: Database, companyId: string, counter: Counter): number {
  return (
    db
      .prepare(
        `INSERT INTO tenant_counters (company_id, counter, value) VALUES (?, ?, ?)
         ON CONFLICT (company_id, counter) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .get(companyId, counter, FIRST[counter]) as { value: number }
  ).value;
}

/** The last value handed out, or 0 before the first. */
export function currentCount(db: Database, companyId: string, counter: Counter): number {
  return (db.prepare('SELECT value FROM tenant_counters WHERE company_id = ? AND counter = ?').get(companyId, counter) as { value: number } | undefined)?.value ?? 0;
}

/**
 * Feed cursors are opaque to clients (they store one and send it back) but stay JSON integers, so
 * apps released before this change keep working. A cursor is CURSOR_BASE plus the company's feed
 * position; anything below CURSOR_BASE is a cursor handed out before migration 8, a global event
 * sequence, and is translated to the same point in the company's feed, so no event is lost or repeated.
 */
export const CURSOR_BASE = 2 ** 40;

export function toCursor(position: number): number {
  return CURSOR_BASE + position;
}

/** The company feed position a cursor stands for, never past the company's newest event. */
export function positionOf(db: Database, companyId: string, cursor: number): number {
  const latest = currentCount(db, companyId, 'feed');
  if (cursor >= CURSOR_BASE) return Math.min(cursor - CURSOR_BASE, latest);
  const legacy = db.prepare('SELECT COALESCE(MAX(company_seq), 0) AS n FROM ticket_events WHERE company_id = ? AND seq <= ?').get(companyId, cursor) as { n: number };
  return legacy.n;
}
