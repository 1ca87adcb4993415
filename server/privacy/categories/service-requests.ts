import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CategoryProvider, Row } from './category-provider';
import { hasTables, HOME_COUNTRY, iso, PROCESSING_COUNTRIES, scrubSql } from './category-provider';

// Tickets with their comments and attachments in one ordered statement: the export groups
// consecutive rows, so it never runs a second query while the first is still iterating.
const JOINED = `
SELECT t.id, t.number AS number, t.title, t.description, t.product, t.version, t.device_serial AS deviceSerial,
       t.severity, t.category, t.status, t.contact_json AS contactJson, t.origin_kind AS originKind, t.origin_ref AS originRef,
       t.requester_ip AS requesterIp, t.created_at AS createdAt, t.updated_at AS updatedAt,
       x.kind AS itemKind, x.a AS itemA, x.b AS itemB, x.c AS itemC, x.at AS itemAt
FROM tickets t LEFT JOIN (
  SELECT ticket_id, 'comment' AS kind, author AS a, author_name AS b, body AS c, created_at AS at FROM ticket_comments
  UNION ALL
  SELECT ticket_id, 'attachment' AS kind, name AS a, sha256 AS b, CAST(size AS TEXT) AS c, created_at AS at FROM ticket_attachments
) x ON x.ticket_id = t.id
WHERE t.owner_id = ?`;

type Joined = Row & { id: string; itemKind: 'comment' | 'attachment' | null; itemA: string; itemB: string; itemC: string; itemAt: number };
type Ticket = Row & { comments: Row[]; attachments: Row[] };

function ticket(row: Joined): Ticket {
  return {
    id: row.id,
    number: `SR-${row.number}`,
    title: row.title,
    description: row.description,
    product: row.product,
    version: row.version,
    deviceSerial: row.deviceSerial,
    severity: row.severity,
    category: row.category,
    status: row.status,
    // P1.5: the contact details, the page the request came from and the requester's IP address.
    contact: JSON.parse(String(row.contactJson)) as unknown,
    origin: row.originKind ? { kind: row.originKind, ref: row.originRef } : null,
    requesterIp: row.requesterIp,
    createdAt: iso(row.createdAt as number),
    updatedAt: iso(row.updatedAt as number),
    comments: [],
    attachments: [],
  };
}

function* grouped(rows: Iterable<Joined>): Generator<Row> {
  let current: Ticket | undefined;
  for (const row of rows) {
    if (current?.id !== row.id) {
      if (current) yield current;
      current = ticket(row);
    }
    if (row.itemKind === 'comment') {
      current.comments.push({ author: row.itemA, authorName: row.itemB, body: row.itemC, createdAt: iso(row.itemAt) });
    } else if (row.itemKind === 'attachment') {
      current.attachments.push({ name: row.itemA, sha256: row.itemB, size: Number(row.itemC), createdAt: iso(row.itemAt) });
    }
  }
  if (current) yield current;
}

/** P1.5, P2.3: service requests (tickets) with their comments. */
export const serviceRequestsCategory: CategoryProvider = {
  info: {
    id: 'service-requests',
    purposes: ['P2.3', 'P2.5'],
    legalBasis: 'contract',
    retention: 'three-years-after-closure',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: PROCESSING_COUNTRIES,
    safeguards: ['standard-contracts', 'access-control'],
    tabular: false,
  },
  available: (db) => hasTables(db, 'tickets', 'ticket_comments', 'ticket_attachments'),
  count: (db, userId) => (db.prepare('SELECT count(*) AS n FROM tickets WHERE owner_id = ?').get(userId) as { n: number }).n,
  latest(db, userId, limit) {
    const ids = (db.prepare('SELECT id FROM tickets WHERE owner_id = ? ORDER BY updated_at DESC LIMIT ?').all(userId, limit) as { id: string }[]).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = db.prepare(`${JOINED} AND t.id IN (${ids.map(() => '?').join(', ')}) ORDER BY t.updated_at DESC, t.id, x.at`).all(userId, ...ids);
    return [...grouped(rows as Joined[])];
  },
  iterate: (db, userId) => grouped(db.prepare(`${JOINED} ORDER BY t.created_at, t.id, x.at`).iterate(userId) as Iterable<Joined>),
  /**
   * Tickets are kept for problem tracking and the law (P6.3 "unless law requires otherwise"), but only
   * anonymised: contact details and IP cleared, the person's name and e-mail scrubbed from the text.
   * Attachments (screenshots, logs) cannot be anonymised: their rows and files are deleted.
   */
  erase(db, { userId, name, email, afterCommit }) {
    const params = { userId, name, email };
    const attachments = db
      .prepare('SELECT a.id FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.owner_id = @userId')
      .all(params) as { id: string }[];
    db.prepare('DELETE FROM ticket_attachments WHERE ticket_id IN (SELECT id FROM tickets WHERE owner_id = @userId)').run(params);
    // The tickets service keeps each file under its attachment id, beside the database.
    afterCommit(() => attachments.forEach(({ id }) => rmSync(join(dirname(db.name), 'ticket-attachments', id), { force: true })));
    db.prepare(
      `UPDATE tickets SET contact_json = '{}', requester_ip = '', title = ${scrubSql('title')}, description = ${scrubSql('description')}
       WHERE owner_id = @userId`,
    ).run(params);
    db.prepare(
      `UPDATE ticket_comments SET body = ${scrubSql('body')},
         author_name = CASE WHEN author = 'customer' THEN 'Deleted user' ELSE ${scrubSql('author_name')} END
       WHERE ticket_id IN (SELECT id FROM tickets WHERE owner_id = @userId)`,
    ).run(params);
    // Stored answers to retried calls repeat the contact details.
    if (hasTables(db, 'idempotency_keys')) db.prepare('DELETE FROM idempotency_keys WHERE user_id = @userId').run(params);
    // A role that only made sense for a person who can sign in.
    if (hasTables(db, 'ticket_company_admins')) db.prepare('DELETE FROM ticket_company_admins WHERE user_id = @userId').run(params);
  },
};
