import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  REOPEN_WINDOW_MS, SLA_RESPONSE_HOURS, type Comment, type Ticket, type TicketCreate, type TicketListQuery, type TicketStatus,
} from '../../shared/api/tickets';
import { AppError } from '../../shared/errors';
import {
  iso, toAttachment, toComment, toContact, toFeedEvent, toSummary,
  type AttachmentRow, type CommentRow, type EventRow, type TicketRow,
} from './ticket-mapping';
import { currentCount, nextCount, positionOf, toCursor } from './tenant-counters';

/** Who is asking: a user sees their own requests, and a company admin also reads their company's. */
export type Viewer = { userId: string; companyId: string; admin: boolean };
export type Actor = 'customer' | 'engineer';

const TICKET_SELECT = `SELECT t.*, u.name AS owner_name FROM tickets t JOIN users u ON u.id = t.owner_id`;
const VISIBLE = `(t.owner_id = @userId OR (@admin = 1 AND t.company_id = @companyId))`;
// Ties (requests changed in the same millisecond) are broken by the SR number, so the order is the
// same on every call and the app can repeat it offline (main/services/tickets/known-tickets.ts).
const SORTS = {
  updated: 't.updated_at DESC, t.number_seq DESC',
  created: 't.created_at DESC, t.number_seq DESC',
  // Most urgent first, then the oldest.
  severity: "CASE t.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, t.created_at, t.number_seq",
  sla: 't.sla_due_at, t.number_seq',
} as const;

const notFound = () => new AppError('not_found', 'There is no such service request.');

export class TicketRepository {
  constructor(private readonly db: Database) {}

  viewer(userId: string): Viewer | undefined {
    const row = this.db
      .prepare('SELECT u.company_id, a.user_id AS admin FROM users u LEFT JOIN ticket_company_admins a ON a.user_id = u.id WHERE u.id = ?')
      .get(userId) as { company_id: string; admin: string | null } | undefined;
    return row && { userId, companyId: row.company_id, admin: row.admin !== null };
  }

  list(viewer: Viewer, query: TicketListQuery): { items: ReturnType<typeof toSummary>[]; total: number } {
    const where = [VISIBLE];
    const params: Record<string, unknown> = { ...this.params(viewer) };
    const filter = (value: unknown, name: string, condition: string) => {
      if (value === undefined || value === '') return;
      where.push(condition);
      params[name] = value;
    };
    filter(query.status, 'status', 't.status = @status');
    filter(query.severity, 'severity', 't.severity = @severity');
    filter(query.product, 'product', 'lower(t.product) = lower(@product)');
    if (query.q) {
      where.push("(t.title LIKE @q ESCAPE '\\' OR t.description LIKE @q ESCAPE '\\' OR ('SR-' || t.number) LIKE @q ESCAPE '\\')");
      params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const clause = where.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM tickets t WHERE ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`${TICKET_SELECT} WHERE ${clause} ORDER BY ${SORTS[query.sort ?? 'updated']} LIMIT @limit`)
      .all({ ...params, limit: query.limit ?? 10_000 }) as TicketRow[];
    return { items: rows.map(toSummary), total };
  }

  /** The row if this viewer may read it; not_found otherwise, so another's request is never confirmed to exist. */
  readable(viewer: Viewer, id: string): TicketRow {
    const row = this.db.prepare(`${TICKET_SELECT} WHERE t.id = @id AND ${VISIBLE}`).get({ id, ...this.params(viewer) }) as TicketRow | undefined;
    if (!row) throw notFound();
    return row;
  }

  /** The row if this viewer owns it: admins may read a colleague's request but not change it. */
  owned(viewer: Viewer, id: string): TicketRow {
    const row = this.readable(viewer, id);
    if (row.owner_id !== viewer.userId) throw new AppError('forbidden', 'Only the person who opened this request can change it.');
    return row;
  }

  detail(viewer: Viewer, id: string): Ticket {
    const row = this.readable(viewer, id);
    const comments = this.db.prepare('SELECT * FROM ticket_comments WHERE ticket_id = ? ORDER BY created_at, rowid').all(id) as CommentRow[];
    const attachments = this.db.prepare('SELECT * FROM ticket_attachments WHERE ticket_id = ? ORDER BY created_at, rowid').all(id) as AttachmentRow[];
    const history = this.db
      .prepare("SELECT * FROM ticket_events WHERE ticket_id = ? AND kind IN ('created', 'status') ORDER BY seq")
      .all(id) as EventRow[];
    return {
      ...toSummary(row),
      description: row.description,
      version: row.version,
      deviceSerial: row.device_serial,
      deviceId: row.device_id,
      contact: toContact(row),
      origin: row.origin_kind && row.origin_ref ? { kind: row.origin_kind, ref: row.origin_ref } : null,
      requesterIp: row.requester_ip,
      firstResponseAt: row.first_response_at === null ? null : iso(row.first_response_at),
      reopenUntil: row.reopen_until === null ? null : iso(row.reopen_until),
      canChange: row.owner_id === viewer.userId,
      comments: comments.map(toComment),
      attachments: attachments.map(toAttachment),
      history: history.map((e) => ({ from: e.from_status, to: e.to_status ?? 'new', actor: e.actor, at: iso(e.at) })),
    };
  }

  /** Call inside a transaction (the idempotency record is written in the same one). */
  create(viewer: Viewer, input: TicketCreate, ip: string, now: number): string {
    const id = randomUUID();
    // number_seq is the internal global order, never shown; the number shown counts within the company (migration 8).
    const seq = (this.db.prepare('SELECT COALESCE(MAX(number_seq), 1000) + 1 AS n FROM tickets').get() as { n: number }).n;
    const number = nextCount(this.db, viewer.companyId, 'ticket_number');
    // Link the device only when it is the requester's own: a serial never reveals someone else's device.
    const device = input.deviceSerial
      ? (this.db.prepare('SELECT id FROM devices WHERE serial = ? AND owner_id = ?').get(input.deviceSerial, viewer.userId) as { id: string } | undefined)
      : undefined;
    this.db
      .prepare(
        `INSERT INTO tickets (id, number_seq, number, owner_id, company_id, title, description, product, version, device_serial, device_id,
           severity, category, status, contact_json, origin_kind, origin_ref, requester_ip, created_at, updated_at, sla_due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id, seq, number, viewer.userId, viewer.companyId, input.title, input.description, input.product, input.version, input.deviceSerial,
        device?.id ?? null, input.severity, input.category, JSON.stringify(input.contact), input.origin?.kind ?? null,
        input.origin?.ref ?? null, ip, now, now, now + SLA_RESPONSE_HOURS[input.severity] * 3600_000,
      );
    this.event(id, 'created', 'customer', null, 'new', now);
    return id;
  }

  /** A reply; the customer answering a question puts the request back in progress. Call inside a transaction. */
  addComment(row: TicketRow, author: Actor, authorName: string, body: string, now: number): Comment {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO ticket_comments (id, ticket_id, author, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, row.id, author, authorName, body, now);
    this.event(row.id, 'reply', author, null, null, now);
    if (author === 'engineer' && row.first_response_at === null) {
      this.db.prepare('UPDATE tickets SET first_response_at = ? WHERE id = ?').run(now, row.id);
    }
    if (author === 'customer' && row.status === 'waiting_for_customer') this.setStatus(row, 'in_progress', 'customer', now);
    this.touch(row.id, now);
    return { id, author, authorName, body, createdAt: iso(now) };
  }

  setStatus(row: TicketRow, to: TicketStatus, actor: Actor, now: number): void {
    if (row.status === to) return;
    const reopenUntil = to === 'resolved' || to === 'closed' ? now + REOPEN_WINDOW_MS : null;
    this.db.prepare('UPDATE tickets SET status = ?, reopen_until = ?, updated_at = ? WHERE id = ?').run(to, reopenUntil, now, row.id);
    this.event(row.id, 'status', actor, row.status, to, now);
    row.status = to;
  }

  addAttachment(ticketId: string, file: { id: string; name: string; size: number; sha256: string }, now: number): void {
    this.db
      .prepare('INSERT INTO ticket_attachments (id, ticket_id, name, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(file.id, ticketId, file.name, file.size, file.sha256, now);
    this.event(ticketId, 'attachment', 'customer', null, null, now);
    this.touch(ticketId, now);
  }

  attachment(ticketId: string, attachmentId: string): AttachmentRow | undefined {
    return this.db.prepare('SELECT * FROM ticket_attachments WHERE id = ? AND ticket_id = ?').get(attachmentId, ticketId) as AttachmentRow | undefined;
  }

  /** Events after the cursor on requests the viewer may read, from the viewer's company's feed only. */
  feed(viewer: Viewer, since: number, limit: number) {
    const after = positionOf(this.db, viewer.companyId, since);
    const rows = this.db
      .prepare(
        `SELECT e.*, t.number FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.company_id = @companyId AND e.company_seq > @after AND ${VISIBLE} ORDER BY e.company_seq LIMIT @limit`,
      )
      .all({ after, limit, ...this.params(viewer) }) as EventRow[];
    // A full page resumes after its last event; otherwise the reader is caught up to the company's newest event.
    const position = rows.length === limit ? rows[rows.length - 1]!.company_seq : Math.max(after, currentCount(this.db, viewer.companyId, 'feed'));
    return { cursor: toCursor(position), events: rows.map(toFeedEvent) };
  }

  /** The cursor of "now" for this viewer: a fresh install follows from here without the history. */
  latestCursor(viewer: Viewer): number {
    return toCursor(currentCount(this.db, viewer.companyId, 'feed'));
  }

  private event(ticketId: string, kind: EventRow['kind'], actor: Actor, from: TicketStatus | null, to: TicketStatus | null, now: number): void {
    const { company_id: companyId } = this.db.prepare('SELECT company_id FROM tickets WHERE id = ?').get(ticketId) as { company_id: string };
    this.db
      .prepare('INSERT INTO ticket_events (ticket_id, company_id, company_seq, kind, actor, from_status, to_status, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ticketId, companyId, nextCount(this.db, companyId, 'feed'), kind, actor, from, to, now);
  }

  private touch(id: string, now: number): void {
    this.db.prepare('UPDATE tickets SET updated_at = ? WHERE id = ?').run(now, id);
  }

  private params(viewer: Viewer) {
    return { userId: viewer.userId, companyId: viewer.companyId, admin: viewer.admin ? 1 : 0 };
  }
}
