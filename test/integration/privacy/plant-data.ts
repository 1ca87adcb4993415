import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { nextCount } from '../../../server/tickets/tenant-counters';

/**
 * Writes a service request with comments straight into the tickets service's tables (migration 004),
 * as that service would, so privacy tests can check export and erasure of that category.
 */
export function plantTicket(db: Database, owner: { id: string; name: string; email: string; phone: string }, comments = 2): string {
  const company = (db.prepare('SELECT company_id FROM users WHERE id = ?').get(owner.id) as { company_id: string }).company_id;
  const id = randomUUID();
  const seq = ((db.prepare('SELECT max(number_seq) AS n FROM tickets').get() as { n: number | null }).n ?? 1000) + 1;
  // The number shown counts within the company (migration 8); a planted request takes the next one.
  const number = nextCount(db, company, 'ticket_number');
  const at = Date.UTC(2026, 4, 1);
  db.prepare(
    `INSERT INTO tickets (id, number_seq, number, owner_id, company_id, title, description, product, version, device_serial, severity, category, status,
       contact_json, origin_kind, origin_ref, requester_ip, created_at, updated_at, sla_due_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'Edge Router', '9.1', 'NW-RT-20931', 'high', 'malfunction', 'new', ?, 'doc', 'routers/bgp', '198.51.100.23', ?, ?, ?)`,
  ).run(
    id, seq, number, owner.id, company, `Router reboots (reported by ${owner.name})`, `Please call ${owner.name} at ${owner.email}.`,
    JSON.stringify({ name: owner.name, email: owner.email, phone: owner.phone, country: 'DE', contactAddress: 'Somewhere 1', company: 'Northwind Networks' }),
    at, at, at + 86_400_000,
  );
  for (let i = 0; i < comments; i++) {
    db.prepare('INSERT INTO ticket_comments (id, ticket_id, author, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      randomUUID(), id, i % 2 ? 'engineer' : 'customer', i % 2 ? 'Eve Engineer' : owner.name, i % 2 ? `Hello ${owner.name}, we are on it.` : 'It happened again.', at + i,
    );
  }
  return id;
}

/** An attachment of a ticket, row and file, stored the way the tickets service stores them. */
export function plantAttachment(db: Database, ticketId: string, content: string): string {
  const id = randomUUID();
  const dir = join(dirname(db.name), 'ticket-attachments');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, id), content);
  db.prepare('INSERT INTO ticket_attachments (id, ticket_id, name, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, ticketId, 'router-log.txt', Buffer.byteLength(content), 'a'.repeat(64), Date.UTC(2026, 4, 1, 1),
  );
  return join(dir, id);
}

/** A "help me get this" request (P1.2) and a document comment (P2.1), as the software and docs services store them. */
export function plantSoftwareAndFeedback(db: Database, owner: { id: string; name: string; email: string; phone: string; contactAddress: string }): void {
  const product = (db.prepare('SELECT id FROM software_products LIMIT 1').get() as { id: string }).id;
  const at = Date.UTC(2026, 4, 2);
  db.prepare(
    `INSERT INTO software_help_requests (id, user_id, product_id, file_id, problem, message, email, phone, address, status, created_at)
     VALUES (?, ?, ?, NULL, 'download-fails', ?, ?, ?, ?, 'received', ?)`,
  ).run(randomUUID(), owner.id, product, `Please call ${owner.name}.`, owner.email, owner.phone, owner.contactAddress, at);
  db.prepare(`INSERT INTO software_applications (id, user_id, product_id, reason, phone, status, created_at, decide_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`).run(
    randomUUID(), owner.id, product, 'Lab evaluation', owner.phone, at, at + 60_000,
  );
  db.prepare(`INSERT INTO doc_feedback (id, user_id, library_id, topic_id, helpful, comment, created_at) VALUES (?, ?, 'lib', 'topic', 1, ?, ?)`).run(
    randomUUID(), owner.id, `Thanks, ${owner.name}`, at,
  );
}
