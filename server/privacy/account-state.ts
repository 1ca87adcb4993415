import type { Database } from 'better-sqlite3';

/** Restriction (P5.3) and erasure (P6.3) flags of an account. */
export class AccountState {
  constructor(private readonly db: Database) {}

  isRestricted(userId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM privacy_account_state WHERE user_id = ? AND restricted_at IS NOT NULL').get(userId));
  }

  isErased(userId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM privacy_account_state WHERE user_id = ? AND erased_at IS NOT NULL').get(userId));
  }

  restrict(userId: string, at: number): void {
    this.markOnce('restricted_at', userId, at);
  }

  /** Sets a moment flag of the account unless it is already set (the first moment stays). */
  private markOnce(column: 'restricted_at' | 'analysis_objected_at', userId: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO privacy_account_state (user_id, ${column}) VALUES (?, ?)
         ON CONFLICT (user_id) DO UPDATE SET ${column} = coalesce(${column}, excluded.${column})`,
      )
      .run(userId, at);
  }

  /**
   * Ends a restriction (P5.3). Only the flag goes: recommendations and marketing then follow the
   * consents as they stand, so nothing the person switched off comes back.
   */
  liftRestriction(userId: string): void {
    this.db.prepare('UPDATE privacy_account_state SET restricted_at = NULL WHERE user_id = ? AND erased_at IS NULL').run(userId);
  }

  /** P2.5: the account's rows leave the product-improvement analysis from now on (an upheld objection). */
  excludeFromAnalysis(userId: string, at: number): void {
    this.markOnce('analysis_objected_at', userId, at);
  }

  markErased(userId: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO privacy_account_state (user_id, restricted_at, erased_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET erased_at = excluded.erased_at, restricted_at = coalesce(restricted_at, excluded.restricted_at)`,
      )
      .run(userId, at, at);
  }

  /**
   * Who may receive marketing e-mail (P2.6): consent given, not restricted (P5.3), not erased. This is
   * what a mailing job would read; nothing else decides who gets marketing.
   */
  marketingAudience(): string[] {
    return (
      this.db
        .prepare(
          `SELECT c.user_id FROM privacy_consents c LEFT JOIN privacy_account_state s ON s.user_id = c.user_id
           WHERE c.kind = 'marketing' AND c.granted = 1 AND s.restricted_at IS NULL AND s.erased_at IS NULL ORDER BY c.user_id`,
        )
        .all() as { user_id: string }[]
    ).map((row) => row.user_id);
  }
}
