import { randomUUID } from 'node:crypto';
import { OriginSchema, type Contact } from '../../../shared/api/tickets';
import type { Draft, DraftValues } from '../../../shared/contract/tickets-contract';
import { AppError, type AppErrorShape } from '../../../shared/errors';
import { toStaged } from './attachment-staging';
import type { DraftRow, TicketsStore } from './tickets-store';

const EMPTY_CONTACT: DraftValues['contact'] = { name: '', email: '', phone: '', country: '', contactAddress: '', company: '' };

export function emptyDraft(contact: Partial<Contact> = {}, fromTopic?: string): DraftValues {
  // "This did not help" on a documentation page: the request remembers which page (P1.5).
  const origin = fromTopic ? OriginSchema.safeParse({ kind: 'doc', ref: fromTopic }) : undefined;
  return {
    title: '', description: '', product: '', version: '', deviceSerial: '', severity: '', category: '',
    contact: { ...EMPTY_CONTACT, ...contact },
    origin: origin?.success ? origin.data : null,
    attachmentIds: [],
  };
}

/** Request drafts, saved on every change so a crash or a closed window loses nothing. */
export class TicketDrafts {
  constructor(
    private readonly store: TicketsStore,
    private readonly now: () => number = Date.now,
  ) {}

  create(userId: string, values: DraftValues): Draft {
    const at = this.now();
    const row: DraftRow = { id: randomUUID(), user_id: userId, kind: 'ticket', ticket_id: null, values_json: JSON.stringify(values), error_json: null, created_at: at, updated_at: at };
    this.store.putDraft(row);
    return this.toDraft(userId, row);
  }

  get(userId: string, id: string): Draft {
    return this.toDraft(userId, this.row(userId, id));
  }

  /** Saves what was typed; the refusal message stays until the user sends again. */
  save(userId: string, id: string, values: DraftValues): { id: string; updatedAt: string } {
    const row = this.row(userId, id);
    const unknown = values.attachmentIds.filter((a) => !this.store.staged(userId, [a]).length);
    if (unknown.length) throw new AppError('validation', 'An attachment of this draft no longer exists.', { attachmentIds: 'Remove it and add the file again.' });
    // Never equal to created_at once saved: that equality is what marks a draft nobody typed in.
    const updatedAt = Math.max(this.now(), row.created_at + 1);
    this.store.putDraft({ ...row, values_json: JSON.stringify(values), updated_at: updatedAt });
    return { id, updatedAt: new Date(updatedAt).toISOString() };
  }

  list(userId: string) {
    return this.store.drafts(userId, 'ticket').map((row) => ({
      id: row.id,
      title: (JSON.parse(row.values_json) as DraftValues).title,
      updatedAt: new Date(row.updated_at).toISOString(),
      error: row.error_json ? (JSON.parse(row.error_json) as AppErrorShape) : null,
    }));
  }

  /** Drafts opened but never typed in (a visit to "New request" that went elsewhere): no clutter in the list. */
  removeUntouched(userId: string): void {
    for (const row of this.store.drafts(userId, 'ticket')) {
      if (row.updated_at === row.created_at && !row.error_json) this.store.deleteDraft(userId, row.id);
    }
  }

  /** The reply that came back from the outbox for this request, if any. */
  replyFor(userId: string, ticketId: string) {
    const row = this.store.drafts(userId, 'reply').find((r) => r.ticket_id === ticketId);
    if (!row) return null;
    return { id: row.id, body: (JSON.parse(row.values_json) as { body: string }).body, error: row.error_json ? (JSON.parse(row.error_json) as AppErrorShape) : null };
  }

  removeReplies(userId: string, ticketId: string): void {
    for (const row of this.store.drafts(userId, 'reply')) if (row.ticket_id === ticketId) this.store.deleteDraft(userId, row.id);
  }

  row(userId: string, id: string): DraftRow {
    const row = this.store.draft(userId, id);
    if (!row || row.kind !== 'ticket') throw new AppError('not_found', 'This draft no longer exists. It may have been sent already.');
    return row;
  }

  private toDraft(userId: string, row: DraftRow): Draft {
    const values = JSON.parse(row.values_json) as DraftValues;
    return {
      id: row.id,
      values,
      attachments: this.store.staged(userId, values.attachmentIds).map(toStaged),
      error: row.error_json ? (JSON.parse(row.error_json) as AppErrorShape) : null,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}
