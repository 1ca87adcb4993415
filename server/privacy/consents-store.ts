import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CONSENT_KINDS, type ConsentKind, type ConsentReceipt, type Consents, type ConsentValues } from '../../shared/api/privacy';
import { currentPolicy } from './policy/policy-documents';

type ReceiptRow = { id: string; kind: ConsentKind; old_value: number; new_value: number; policy_version: string; at: number };

/** Consents default to "no" (opt-in); each change is stored as a receipt with the policy version in force (P5.5). */
export class ConsentsStore {
  constructor(private readonly db: Database, private readonly now: () => number) {}

  values(userId: string): ConsentValues {
    const rows = this.db.prepare('SELECT kind, granted FROM privacy_consents WHERE user_id = ?').all(userId) as { kind: ConsentKind; granted: number }[];
    const values: ConsentValues = { marketing: false, recommendations: false, analytics: false };
    for (const row of rows) values[row.kind] = row.granted === 1;
    return values;
  }

  get(userId: string): Consents {
    const receipts = (
      this.db.prepare('SELECT * FROM privacy_consent_receipts WHERE user_id = ? ORDER BY at DESC, rowid DESC').all(userId) as ReceiptRow[]
    ).map(toReceipt);
    return { values: this.values(userId), receipts };
  }

  /** Records the change at once (P2.4, P2.6 take effect immediately). Setting the same value again writes no receipt. */
  set(userId: string, kind: ConsentKind, granted: boolean): Consents {
    this.db.transaction(() => this.change(userId, kind, granted))();
    return this.get(userId);
  }

  /** P5.5: every consent off, one receipt each, in one transaction. */
  withdrawAll(userId: string): void {
    this.db.transaction(() => CONSENT_KINDS.forEach((kind) => this.change(userId, kind, false)))();
  }

  private change(userId: string, kind: ConsentKind, granted: boolean): void {
    const old = this.values(userId)[kind];
    if (old === granted) return;
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO privacy_consents (user_id, kind, granted, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, kind) DO UPDATE SET granted = excluded.granted, updated_at = excluded.updated_at`,
      )
      .run(userId, kind, granted ? 1 : 0, at);
    this.db
      .prepare('INSERT INTO privacy_consent_receipts (id, user_id, kind, old_value, new_value, policy_version, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), userId, kind, old ? 1 : 0, granted ? 1 : 0, currentPolicy(at).version, at);
  }
}

const toReceipt = (row: ReceiptRow): ConsentReceipt => ({
  id: row.id,
  kind: row.kind,
  oldValue: row.old_value === 1,
  newValue: row.new_value === 1,
  policyVersion: row.policy_version,
  at: new Date(row.at).toISOString(),
});
