import { randomUUID } from 'node:crypto';
import { FeedbackSchema, type FeedbackInput } from '../../../shared/api/docs';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../api/api-client';
import type { LocalDatabase } from '../local-db/local-database';
import { classifyFailure, OutboxLoop, reportRunFailure } from '../outbox-loop';
import { retryDelay, type BackoffOptions } from '../api/retry-policy';

/** Feedback as validated (the comment trimmed, present even when empty). */
export type QueuedFeedback = Required<FeedbackInput>;
type FeedbackRow = {
  seq: number; user_id: string; idempotency_key: string; payload_json: string;
  attempts: number; next_attempt_at: number; last_error: string | null; created_at: number;
};

export type FeedbackRefusal = { library: string; topicId: string; error: AppError };

export interface FeedbackOutboxOptions extends BackoffOptions {
  db: LocalDatabase;
  api: Pick<ApiClient, 'request'>;
  /** The signed-in user: only their feedback is sent, with their session. */
  currentUser: () => string | null;
  now?: () => number;
  /** A queued item the service refused for good (it is dropped): the service's reason, for the user. */
  onRefused?: (refusal: FeedbackRefusal) => void;
  log?: (line: string) => void;
  /** A run that failed outside any delivery (the local database broke): never an unhandled rejection. */
  onError?: (error: unknown) => void;
}

/** Deletes one user's queued feedback (an erased account, P5.4); call it inside the caller's transaction. */
export function eraseFeedbackUser(db: LocalDatabase, userId: string): number {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'docs_feedback_outbox'").get()) return 0;
  return db.prepare('DELETE FROM docs_feedback_outbox WHERE user_id = ?').run(userId).changes;
}

/**
 * Documentation feedback (P2.1) kept in the local database until the service has it, sent exactly
 * once and in order. The Idempotency-Key is written in the same transaction that queues the item,
 * so a retry after a lost answer, a crash or a restart repeats it and the service answers with the
 * first result instead of storing the comment twice. The table comes from DOCS_MIGRATIONS (v3).
 */
export class FeedbackOutbox {
  private readonly loop = new OutboxLoop(() => this.drain(), () => this.resetBackoff(), (error) => (this.o.onError ?? reportRunFailure)(error));
  private readonly now: () => number;
  /** Items whose sender is waiting for the outcome, and the refusals recorded for them. */
  private readonly awaited = new Map<number, AppError | null>();

  constructor(private readonly o: FeedbackOutboxOptions) {
    this.now = o.now ?? Date.now;
  }

  /**
   * Queues the feedback, then tries at once: 'sent' when the service stored it, 'queued' when it
   * waits for the network (or a sign-in). A permanent refusal rejects with the service's message.
   */
  async send(userId: string, input: QueuedFeedback): Promise<'sent' | 'queued'> {
    const seq = this.enqueue(userId, input);
    this.awaited.set(seq, null);
    try {
      await this.loop.flush({ ignoreBackoff: true });
      const refusal = this.awaited.get(seq);
      if (refusal) throw refusal;
      return this.has(seq) ? 'queued' : 'sent';
    } finally {
      this.awaited.delete(seq);
    }
  }

  enqueue(userId: string, input: QueuedFeedback): number {
    const at = this.now();
    return this.o.db.transaction(() =>
      Number(
        this.o.db
          .prepare('INSERT INTO docs_feedback_outbox (user_id, idempotency_key, payload_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(userId, `esd-${randomUUID()}`, JSON.stringify(input), at, at).lastInsertRowid,
      ),
    )();
  }

  /** How many items wait for this user (the rest of the queue belongs to others who used this computer). */
  pending(userId: string): number {
    return (this.o.db.prepare('SELECT count(*) AS n FROM docs_feedback_outbox WHERE user_id = ?').get(userId) as { n: number }).n;
  }

  flush(options: { ignoreBackoff?: boolean } = {}): Promise<void> {
    return this.loop.flush(options);
  }

  stop(): void {
    this.loop.stop();
  }

  private has(seq: number): boolean {
    return Boolean(this.o.db.prepare('SELECT 1 FROM docs_feedback_outbox WHERE seq = ?').get(seq));
  }

  private remove(seq: number): void {
    this.o.db.prepare('DELETE FROM docs_feedback_outbox WHERE seq = ?').run(seq);
  }

  private resetBackoff(): void {
    const user = this.o.currentUser();
    if (user) this.o.db.prepare('UPDATE docs_feedback_outbox SET next_attempt_at = ? WHERE user_id = ? AND next_attempt_at > ?').run(this.now(), user, this.now());
  }

  private async drain(): Promise<void> {
    while (!this.loop.stopped) {
      const user = this.o.currentUser();
      const head = user
        ? (this.o.db.prepare('SELECT * FROM docs_feedback_outbox WHERE user_id = ? ORDER BY seq LIMIT 1').get(user) as FeedbackRow | undefined)
        : undefined;
      if (!head) return;
      if (head.next_attempt_at > this.now()) return this.loop.schedule(head.next_attempt_at - this.now());
      try {
        await this.o.api.request({
          method: 'POST', path: '/docs/feedback', schema: FeedbackSchema, body: JSON.parse(head.payload_json), headers: { 'Idempotency-Key': head.idempotency_key },
        });
      } catch (error) {
        // Shut down mid-send: record nothing; the item goes again (same key) on the next start.
        if (this.loop.stopped || !this.failed(head, error)) return;
        continue;
      }
      if (this.loop.stopped) return;
      this.remove(head.seq);
      this.o.log?.(`feedback #${head.seq}: delivered`);
    }
  }

  /** Records a failed attempt; returns true when the next item may go (the failed one left the queue). */
  private failed(row: FeedbackRow, error: unknown): boolean {
    const { kind, shape } = classifyFailure(error);
    if (kind === 'sign-in') return false;
    if (kind === 'retry') {
      const attempts = row.attempts + 1;
      const delay = retryDelay(error, attempts, this.o);
      this.o.db.prepare('UPDATE docs_feedback_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ?').run(attempts, this.now() + delay, shape.message, row.seq);
      this.o.log?.(`feedback #${row.seq}: attempt ${attempts} failed (${shape.code}); next in ${delay} ms`);
      this.loop.schedule(delay);
      return false;
    }
    // Refused for good (unknown topic, invalid comment, key reused): sending it again cannot help.
    const refusal = error instanceof AppError ? error : new AppError(shape.code, shape.message, shape.fields);
    this.remove(row.seq);
    this.o.log?.(`feedback #${row.seq}: refused (${refusal.code})`);
    // The sender still waiting hears it as the call's error; otherwise whoever listens is told.
    if (this.awaited.has(row.seq)) this.awaited.set(row.seq, refusal);
    else {
      const { library, topicId } = JSON.parse(row.payload_json) as QueuedFeedback;
      this.o.onRefused?.({ library, topicId, error: refusal });
    }
    return true;
  }
}
