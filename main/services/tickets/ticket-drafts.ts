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

const draftGone = () => new AppError('not_found', 'This draft no longer exists. It may have been sent already.');

/** How many opened-but-untouched request forms are remembered (per process) before the oldest is forgotten. */
const MAX_UNSAVED = 20;

/**
 * Request drafts, saved on every change so a crash or a closed window loses nothing. A request just
 * opened is only a form: it is kept in memory (so its address works while the app runs) and becomes
 * a stored draft with its first save, that is once the user types or adds something.
 */
export class TicketDrafts {
  private readonly unsaved = new Map<string, { userId: string; values: DraftValues; at: number }>();

  constructor(
    private readonly store: TicketsStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new request's form, not stored yet: leaving it untouched leaves nothing behind. */
  open(userId: string, values: DraftValues): Draft {
    const id = randomUUID();
    const at = this.now();
    this.unsaved.set(id, { userId, values, at });
    for (const oldest of this.unsaved.keys()) {
      if (this.unsaved.size <= MAX_UNSAVED) break;
      this.unsaved.delete(oldest);
    }
    return { id, values, attachments: [], error: null, updatedAt: new Date(at).toISOString(), stored: false };
  }

  get(userId: string, id: string): Draft {
    const unsaved = this.unsaved.get(id);
    if (unsaved?.userId === userId && !this.store.draft(userId, id)) {
      return { id, values: unsaved.values, attachments: [], error: null, updatedAt: new Date(unsaved.at).toISOString(), stored: false };
    }
    return this.toDraft(userId, this.row(userId, id));
  }

  /** Saves what was typed (the first save stores the draft); the refusal message stays until the user sends again. */
  save(userId: string, id: string, values: DraftValues): { id: string; updatedAt: string } {
    const unsaved = this.unsaved.get(id);
    const existing = this.store.draft(userId, id);
    if (existing ? existing.kind !== 'ticket' : unsaved?.userId !== userId) throw draftGone();
    const unknown = values.attachmentIds.filter((a) => !this.store.staged(userId, [a]).length);
    if (unknown.length) throw new AppError('validation', 'An attachment of this draft no longer exists.', { attachmentIds: 'Remove it and add the file again.' });
    const at = this.now();
    const row: DraftRow = existing ?? { id, user_id: userId, kind: 'ticket', ticket_id: null, values_json: '', error_json: null, created_at: at, updated_at: at };
    if (!this.store.putDraft({ ...row, values_json: JSON.stringify(values), updated_at: at })) throw draftGone(); // the id is another user's
    this.unsaved.delete(id);
    return { id, updatedAt: new Date(at).toISOString() };
  }

  /** Forgets a draft, stored or only opened; false when there was none of this user's. */
  remove(userId: string, id: string): boolean {
    const unsaved = this.unsaved.get(id);
    if (unsaved?.userId === userId) this.unsaved.delete(id);
    return this.store.deleteDraft(userId, id) || unsaved?.userId === userId;
  }

  list(userId: string) {
    return this.store.drafts(userId, 'ticket').map((row) => ({
      id: row.id,
      title: (JSON.parse(row.values_json) as DraftValues).title,
      updatedAt: new Date(row.updated_at).toISOString(),
      error: row.error_json ? (JSON.parse(row.error_json) as AppErrorShape) : null,
    }));
  }

  /** The reply that came back from the outbox for this request, if any. */
  replyFor(userId: string, ticketId: string) {
    const row = this.store.drafts(userId, 'reply').find((r) => r.ticket_id === ticketId);
    if (!row) return null;
    const { body, attachmentIds = [] } = JSON.parse(row.values_json) as { body: string; attachmentIds?: string[] };
    return {
      id: row.id, body, attachments: this.store.staged(userId, attachmentIds).map(toStaged),
      error: row.error_json ? (JSON.parse(row.error_json) as AppErrorShape) : null,
    };
  }

  removeReplies(userId: string, ticketId: string): void {
    for (const row of this.store.drafts(userId, 'reply')) if (row.ticket_id === ticketId) this.store.deleteDraft(userId, row.id);
  }

  row(userId: string, id: string): DraftRow {
    const row = this.store.draft(userId, id);
    if (!row || row.kind !== 'ticket') throw draftGone();
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
      stored: true,
    };
  }
}
