import { randomUUID } from 'node:crypto';
import type { TicketCreate } from '../../../shared/api/tickets';
import type { DraftValues, OutboxItem } from '../../../shared/contract/tickets-contract';
import { AppError } from '../../../shared/errors';
import { classifyFailure, OutboxLoop, reportRunFailure } from '../outbox-loop';
import { retryDelay } from '../api/retry-policy';
import type { AttachmentStaging } from './attachment-staging';
import type { TicketsRemote } from './tickets-remote';
import type { OutboxKind, OutboxRow, TicketsStore } from './tickets-store';

/** Payloads as stored in tickets_outbox.payload_json. */
export type CreatePayload = { input: TicketCreate; draft: DraftValues };
/** A reply and its files; `commentId` once the text was accepted, so a retry sends only the files still missing. */
export type ReplyPayload = { body: string; attachmentIds?: string[]; commentId?: string };
export type AttachPayload = { attachmentIds: string[] };

export interface OutboxOptions {
  store: TicketsStore;
  remote: TicketsRemote;
  staging: AttachmentStaging;
  /** The signed-in user: only their items are sent, with their session. */
  currentUser: () => string | null;
  now?: () => number;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  onChange?: () => void;
  onProgress?: (progress: { seq: number; attachmentId: string; sent: number; total: number }) => void;
  log?: (line: string) => void;
  /** A run that failed outside any delivery (the local database broke): never an unhandled rejection. */
  onError?: (error: unknown) => void;
  /** Fault injection for tests: runs after the service answered, before the acknowledgement is recorded. */
  beforeAck?: (row: OutboxRow) => void | Promise<void>;
}

/**
 * Submissions queued in the local database and delivered exactly once, in order. Each item's
 * Idempotency-Key is written in the same transaction that queues it, so every retry (after a
 * dropped connection, a crash, a restart) repeats the same key and the service answers with the
 * first result instead of acting twice. The head of the queue blocks the rest while it waits, which
 * keeps the order; a permanent refusal goes back to the drafts with the service's message.
 */
export class TicketOutbox {
  private readonly loop = new OutboxLoop(() => this.drain(), () => this.resetBackoff(), (error) => (this.o.onError ?? reportRunFailure)(error));
  private sending: number | null = null;
  private readonly now: () => number;

  constructor(private readonly o: OutboxOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Queues one submission; `consume` runs in the same transaction (removing the draft it came from). */
  enqueue(userId: string, kind: OutboxKind, fields: { ticketId?: string | null; draftId?: string | null; label: string; payload: object }, consume?: () => void): OutboxRow {
    const row = this.o.store.transaction(() => {
      consume?.();
      const values = {
        user_id: userId, kind, idempotency_key: `esd-${randomUUID()}`, ticket_id: fields.ticketId ?? null, draft_id: fields.draftId ?? null,
        label: fields.label, payload_json: JSON.stringify(fields.payload), next_attempt_at: this.now(), created_at: this.now(),
      };
      return { ...values, seq: this.o.store.insertOutbox(values), attempts: 0, last_error: null };
    });
    this.o.onChange?.();
    return row;
  }

  items(userId: string): OutboxItem[] {
    return this.o.store.outbox(userId).map((row) => this.toItem(row));
  }

  toItem(row: OutboxRow): OutboxItem {
    return {
      seq: row.seq, kind: row.kind, label: row.label, files: this.fileNames(row), ticketId: row.ticket_id, state: row.seq === this.sending ? 'sending' : 'waiting',
      attempts: row.attempts, nextAttemptAt: new Date(row.next_attempt_at).toISOString(), lastError: row.last_error, createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /** The names of the files a reply or new request carries, so the user sees they go with it. */
  private fileNames(row: OutboxRow): string[] {
    const payload = JSON.parse(row.payload_json) as Partial<CreatePayload & ReplyPayload>;
    const ids = row.kind === 'create' ? payload.draft?.attachmentIds : payload.attachmentIds;
    return ids?.length ? this.o.store.staged(row.user_id, ids).map((staged) => staged.name) : [];
  }

  /** Sends what is due now. Concurrent calls share one run, so the queue is never sent twice at once. */
  flush(options: { ignoreBackoff?: boolean } = {}): Promise<void> {
    return this.loop.flush(options);
  }

  stop(): void {
    this.loop.stop();
  }

  private assertRunning(): void {
    if (this.loop.stopped) throw new AppError('cancelled', 'The outbox was stopped.');
  }

  private resetBackoff(): void {
    const user = this.o.currentUser();
    if (!user) return;
    for (const row of this.o.store.outbox(user)) if (row.next_attempt_at > this.now()) this.o.store.updateOutbox(row.seq, { next_attempt_at: this.now() });
  }

  private async drain(): Promise<void> {
    while (!this.loop.stopped) {
      const user = this.o.currentUser();
      const head = user ? this.o.store.head(user) : undefined;
      if (!head) return;
      if (head.next_attempt_at > this.now()) return this.loop.schedule(head.next_attempt_at - this.now());
      this.sending = head.seq;
      this.o.onChange?.();
      try {
        await this.deliver(head);
      } catch (error) {
        // Shut down mid-send: record nothing; the unacknowledged item is sent again (same key) next start.
        if (this.loop.stopped) return;
        if (!this.failed(head, error)) return;
      } finally {
        this.sending = null;
        this.o.onChange?.();
      }
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    let attachmentIds: string[] = [];
    if (row.kind === 'create') {
      const { input, draft } = JSON.parse(row.payload_json) as CreatePayload;
      attachmentIds = draft.attachmentIds;
      if (!row.ticket_id) {
        const created = await this.o.remote.create(input, row.idempotency_key);
        this.assertRunning();
        row.ticket_id = created.id;
        this.o.store.updateOutbox(row.seq, { ticket_id: created.id });
        this.o.log?.(`outbox #${row.seq}: request created as ${created.number}`);
      }
    } else if (row.kind === 'reply') {
      const payload = JSON.parse(row.payload_json) as ReplyPayload;
      attachmentIds = payload.attachmentIds ?? [];
      if (!payload.commentId) {
        const comment = await this.o.remote.reply(row.ticket_id!, payload.body, row.idempotency_key);
        this.assertRunning();
        row.payload_json = JSON.stringify({ ...payload, commentId: comment.id });
        this.o.store.updateOutbox(row.seq, { payload_json: row.payload_json });
      }
    } else {
      attachmentIds = (JSON.parse(row.payload_json) as AttachPayload).attachmentIds;
    }
    for (const staged of this.o.store.staged(row.user_id, attachmentIds)) {
      const total = staged.size;
      this.o.onProgress?.({ seq: row.seq, attachmentId: staged.id, sent: 0, total });
      // A key per file derived from the item's key: a retried upload of the same file is recognised.
      await this.o.remote.uploadAttachment(row.ticket_id!, { path: this.o.staging.path(staged.id), name: staged.name, size: total }, `${row.idempotency_key}:${staged.id}`,
        (sent) => this.o.onProgress?.({ seq: row.seq, attachmentId: staged.id, sent, total }));
    }
    await this.o.beforeAck?.(row);
    this.assertRunning();
    this.o.store.transaction(() => this.o.store.deleteOutbox(row.seq));
    await this.o.staging.discard(row.user_id, attachmentIds);
    this.o.log?.(`outbox #${row.seq}: ${row.kind} delivered`);
  }

  /** Records a failed attempt; returns true when the next item may go (the failed one left the queue). */
  private failed(row: OutboxRow, error: unknown): boolean {
    const { kind, shape } = classifyFailure(error);
    if (kind === 'sign-in') return false; // wait for the user to sign in again
    if (kind === 'retry') {
      const attempts = row.attempts + 1;
      const delay = retryDelay(error, attempts, this.o);
      this.o.store.updateOutbox(row.seq, { attempts, next_attempt_at: this.now() + delay, last_error: shape.message });
      this.o.log?.(`outbox #${row.seq}: attempt ${attempts} failed (${shape.code}); next in ${delay} ms`);
      this.loop.schedule(delay);
      return false;
    }
    this.returnToDrafts(row, error instanceof AppError ? error : new AppError(shape.code, shape.message, shape.fields));
    return true;
  }

  /** A permanent refusal: the user gets their text back, with the service's reason, to fix and resend. */
  private returnToDrafts(row: OutboxRow, error: AppError): void {
    this.o.log?.(`outbox #${row.seq}: refused (${error.code})`);
    const at = this.now();
    const errorJson = JSON.stringify(error.toJSON());
    this.o.store.transaction(() => {
      this.o.store.deleteOutbox(row.seq);
      if (row.kind === 'create' && !row.ticket_id) {
        const { draft } = JSON.parse(row.payload_json) as CreatePayload;
        this.o.store.putDraft({
          id: row.draft_id ?? randomUUID(), user_id: row.user_id, kind: 'ticket', ticket_id: null, values_json: JSON.stringify(draft),
          error_json: errorJson, created_at: row.created_at, updated_at: at,
        });
      } else if (row.kind === 'reply' || row.kind === 'attach') {
        // Back into the reply box: the text the service already took is not offered again; the files are.
        const { body = '', attachmentIds = [], commentId } = JSON.parse(row.payload_json) as Partial<ReplyPayload>;
        this.o.store.putDraft({
          id: randomUUID(), user_id: row.user_id, kind: 'reply', ticket_id: row.ticket_id, values_json: JSON.stringify({ body: commentId ? '' : body, attachmentIds }),
          error_json: errorJson, created_at: row.created_at, updated_at: at,
        });
      }
    });
  }
}
