/**
 * Request numbers and the change-feed position counted per company (attack finding 6). Both were one
 * global sequence, so a customer could read the service's total volume off them: SR-1001 today and
 * SR-1400 a week later, or a feed cursor jumping by every other company's events.
 *
 * - `tickets.number` is the number shown (SR-<number>), unique within a company. Existing requests keep
 *   the number people have already written down; a company's next request continues from its highest.
 *   `number_seq` stays as the internal global order: SQLite cannot drop its UNIQUE constraint without
 *   rebuilding the table and its ON DELETE CASCADE children.
 * - `ticket_events.company_seq` numbers each company's events 1, 2, 3...; the feed cursor is built
 *   from it (server/tickets/feed-cursor.ts), and cursors handed out before this migration still work.
 * - `tenant_counters` hands out both, so numbers never repeat within a company, even after an erasure
 *   deleted the requests that held the highest ones.
 */
export const name = 'tenant-counters';

export const up = `
CREATE TABLE tenant_counters (
  company_id TEXT NOT NULL REFERENCES companies (id),
  counter TEXT NOT NULL CHECK (counter IN ('ticket_number', 'feed')),
  value INTEGER NOT NULL,
  PRIMARY KEY (company_id, counter)
);

ALTER TABLE tickets ADD COLUMN number INTEGER;
UPDATE tickets SET number = number_seq;
CREATE UNIQUE INDEX tickets_company_number ON tickets (company_id, number);

ALTER TABLE ticket_events ADD COLUMN company_id TEXT;
ALTER TABLE ticket_events ADD COLUMN company_seq INTEGER;
UPDATE ticket_events SET company_id = (SELECT t.company_id FROM tickets t WHERE t.id = ticket_events.ticket_id);
UPDATE ticket_events SET company_seq = ranked.n
  FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY seq) AS n FROM ticket_events) AS ranked
  WHERE ranked.seq = ticket_events.seq;
CREATE UNIQUE INDEX ticket_events_company_seq ON ticket_events (company_id, company_seq);

INSERT INTO tenant_counters (company_id, counter, value) SELECT company_id, 'ticket_number', MAX(number) FROM tickets GROUP BY company_id;
INSERT INTO tenant_counters (company_id, counter, value) SELECT company_id, 'feed', MAX(company_seq) FROM ticket_events GROUP BY company_id;
`;
