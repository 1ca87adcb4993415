import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { NewRightsRequest, RequestOutcome, RightsRequest } from '../../shared/api/privacy';
import { AppError } from '../../shared/errors';
import type { AccountState } from './account-state';
import type { ConsentsStore } from './consents-store';
import type { Erasure } from './erasure';

type RefusalCode = NonNullable<RightsRequest['refusal']>['code'];
type RequestRow = {
  id: string; user_id: string; kind: RightsRequest['kind']; purpose: RightsRequest['purpose']; note: string; status: RightsRequest['status'];
  refusal_code: RefusalCode | null; refusal_message: string | null; received_at: number; due_at: number; completed_at: number | null;
  outcome: RequestOutcome | null;
};

/**
 * Requests that change or remove data, or widen its use again, wait until the person signs in again
 * (the written confirmation of P5.6).
 */
const NEEDS_CONFIRMATION = new Set<RightsRequest['kind']>(['restrict', 'lift-restriction', 'erase']);
const NOT_RESTRICTED = 'Processing of your data is not restricted, so there is no restriction to end.';

/** One calendar month after receipt, the deadline the policy promises. */
export function oneMonthAfter(ms: number): number {
  const date = new Date(ms);
  const due = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()));
  // 31 January + 1 month would roll into March; the deadline is the month's last day instead.
  if (due.getUTCMonth() !== (date.getUTCMonth() + 1) % 12) due.setUTCDate(0);
  return due.getTime();
}

export class RightsRequests {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly consents: ConsentsStore,
    private readonly state: AccountState,
    private readonly erasure: Erasure,
  ) {}

  list(userId: string): RightsRequest[] {
    return (this.db.prepare('SELECT * FROM privacy_requests WHERE user_id = ? ORDER BY received_at DESC, rowid DESC').all(userId) as RequestRow[]).map(toRequest);
  }

  /** Files a request and settles at once what needs no confirmation nor review. */
  create(userId: string, input: NewRightsRequest): RightsRequest {
    const at = this.now();
    const id = randomUUID();
    const purpose = input.kind === 'object' ? input.purpose : null;
    // Filed and settled together: a request is never left half-handled.
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO privacy_requests (id, user_id, kind, purpose, note, status, received_at, due_at) VALUES (?, ?, ?, ?, ?, 'received', ?, ?)`,
        )
        .run(id, userId, input.kind, purpose, input.note ?? '', at, oneMonthAfter(at));
      this.settle(userId, id, input);
    })();
    return this.get(userId, id);
  }

  /**
   * P5.6: the caller confirms with a session that began after the request was received, i.e. they
   * signed in again. `signedInAt` is when the caller's token family was issued by a sign-in.
   */
  confirm(userId: string, id: string, signedInAt: number | undefined): RightsRequest {
    const request = this.get(userId, id);
    if (request.status !== 'confirmation-needed') throw new AppError('conflict', 'This request does not wait for a confirmation.');
    if (signedInAt === undefined || signedInAt <= Date.parse(request.receivedAt)) {
      throw new AppError('forbidden', 'Sign in again to confirm this request.');
    }
    const at = this.now();
    if (request.kind === 'erase') {
      // Erase first: if it fails, the request still waits and can be confirmed again.
      this.erasure.erase(userId, at);
      this.complete(id, at);
    } else if (request.kind === 'lift-restriction') {
      this.db.transaction(() => {
        // Another request may have ended the restriction since this one was filed: say so, do nothing.
        if (!this.state.isRestricted(userId)) return this.refuse(id, 'not-restricted', NOT_RESTRICTED);
        this.state.liftRestriction(userId);
        this.complete(id, at);
      })();
    } else {
      this.db.transaction(() => {
        this.state.restrict(userId, at);
        this.complete(id, at);
      })();
    }
    return this.getAny(id);
  }

  private settle(userId: string, id: string, input: NewRightsRequest): void {
    const at = this.now();
    if (NEEDS_CONFIRMATION.has(input.kind)) {
      if (input.kind === 'restrict' && this.state.isRestricted(userId)) return this.refuse(id, 'already-done', 'Processing of your data is already restricted.');
      if (input.kind === 'lift-restriction' && !this.state.isRestricted(userId)) return this.refuse(id, 'not-restricted', NOT_RESTRICTED);
      this.db.prepare(`UPDATE privacy_requests SET status = 'confirmation-needed' WHERE id = ?`).run(id);
      return;
    }
    if (input.kind === 'withdraw-consent') {
      this.consents.withdrawAll(userId);
      return this.complete(id, at);
    }
    if (input.kind === 'object') {
      if (input.purpose === 'legal-compliance') {
        return this.refuse(id, 'legal-obligation', 'Processing needed to meet a legal obligation (P2.7) cannot be objected to; the law requires it.');
      }
      // Objecting to a consent-based purpose is the same as withdrawing that consent.
      if (input.purpose !== 'product-improvement') {
        this.consents.set(userId, input.purpose, false);
        return this.complete(id, at);
      }
      // Product improvement rests on legitimate interest, and no compelling ground overrides a
      // customer's objection to it: upheld at once, the account leaves the analysis data set (P2.5).
      this.state.excludeFromAnalysis(userId, at);
      return this.complete(id, at, 'excluded-from-analysis');
    }
  }

  private refuse(id: string, code: RefusalCode, message: string): void {
    this.db
      .prepare(`UPDATE privacy_requests SET status = 'refused', refusal_code = ?, refusal_message = ?, completed_at = ? WHERE id = ?`)
      .run(code, message, this.now(), id);
  }

  private complete(id: string, at: number, outcome: RequestOutcome | null = null): void {
    this.db.prepare(`UPDATE privacy_requests SET status = 'completed', completed_at = ?, outcome = ? WHERE id = ?`).run(at, outcome, id);
  }

  private get(userId: string, id: string): RightsRequest {
    const row = this.db.prepare('SELECT * FROM privacy_requests WHERE id = ? AND user_id = ?').get(id, userId) as RequestRow | undefined;
    // Another person's request is reported exactly like a missing one.
    if (!row) throw new AppError('not_found', 'There is no such request.');
    return toRequest(row);
  }

  private getAny(id: string): RightsRequest {
    return toRequest(this.db.prepare('SELECT * FROM privacy_requests WHERE id = ?').get(id) as RequestRow);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

const toRequest = (row: RequestRow): RightsRequest => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  purpose: row.purpose,
  note: row.note,
  receivedAt: iso(row.received_at),
  dueAt: iso(row.due_at),
  completedAt: row.completed_at === null ? null : iso(row.completed_at),
  outcome: row.outcome ?? null,
  refusal: row.refusal_code ? { code: row.refusal_code, message: row.refusal_message ?? '' } : null,
});
