import type { Attachment, Comment, Contact, Device, FeedEvent, TicketStatus, TicketSummary } from '../../shared/api/tickets';
import { toCursor } from './tenant-counters';

/** Rows as SQLite returns them, and their mapping to the wire format. */
export type TicketRow = {
  id: string; number: number; owner_id: string; company_id: string; title: string; description: string;
  product: string; version: string; device_serial: string; device_id: string | null; severity: TicketSummary['severity'];
  category: TicketSummary['category']; status: TicketStatus; contact_json: string; origin_kind: 'doc' | 'software' | null;
  origin_ref: string | null; requester_ip: string; created_at: number; updated_at: number; sla_due_at: number;
  first_response_at: number | null; reopen_until: number | null; owner_name: string;
};

export type CommentRow = { id: string; author: Comment['author']; author_name: string; body: string; created_at: number };
export type AttachmentRow = { id: string; name: string; size: number; sha256: string; created_at: number };
export type EventRow = {
  seq: number; company_seq: number; ticket_id: string; number: number; kind: FeedEvent['kind']; actor: FeedEvent['actor'];
  from_status: TicketStatus | null; to_status: TicketStatus | null; at: number;
};
export type DeviceRow = { id: string; serial: string; model: string; product: string; site: string; contract_end: number };

export const iso = (ms: number) => new Date(ms).toISOString();
/** SR-<number>: the number counts within the requester's company (migration 8). */
export const ticketNumber = (number: number) => `SR-${number}`;

export function toSummary(row: TicketRow): TicketSummary {
  return {
    id: row.id,
    number: ticketNumber(row.number),
    title: row.title,
    product: row.product,
    severity: row.severity,
    status: row.status,
    category: row.category,
    ownerName: row.owner_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    slaDueAt: iso(row.sla_due_at),
  };
}

export const toContact = (row: TicketRow) => JSON.parse(row.contact_json) as Contact;

export const toComment = (row: CommentRow): Comment => ({
  id: row.id, author: row.author, authorName: row.author_name, body: row.body, createdAt: iso(row.created_at),
});

export const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id, name: row.name, size: row.size, sha256: row.sha256, createdAt: iso(row.created_at),
});

export const toFeedEvent = (row: EventRow): FeedEvent => ({
  seq: toCursor(row.company_seq), ticketId: row.ticket_id, number: ticketNumber(row.number), kind: row.kind, actor: row.actor,
  status: row.to_status, at: iso(row.at),
});

export const toDevice = (row: DeviceRow): Device => ({
  id: row.id, serial: row.serial, model: row.model, product: row.product, site: row.site, contractEnd: iso(row.contract_end),
});
