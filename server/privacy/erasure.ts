import type { Database } from 'better-sqlite3';
import { forgetLoginFailures } from '../auth/login-throttle';
import type { AccountState } from './account-state';
import { CATEGORIES } from './categories';
import type { ExportStore } from './export/export-store';

/**
 * Deregistration (P5.4, P6.3): sessions revoked, every category erased or anonymised in one
 * transaction, the account unable to sign in. Then the file itself is rewritten (secure_delete,
 * checkpoint, VACUUM) so the old values do not linger in free pages or the write-ahead log.
 */
export class Erasure {
  constructor(
    private readonly db: Database,
    private readonly state: AccountState,
    private readonly exports: ExportStore,
  ) {}

  erase(userId: string, now: number): void {
    const person = this.db.prepare('SELECT name, email FROM users WHERE id = ?').get(userId) as { name: string; email: string } | undefined;
    if (!person || this.state.isErased(userId)) return;
    const tasks: (() => void)[] = [];
    const subject = { userId, name: person.name, email: person.email, now, afterCommit: (task: () => void) => void tasks.push(task) };
    this.db.pragma('secure_delete = ON');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM oauth_tokens WHERE user_id = ?').run(userId);
      this.db.prepare('DELETE FROM oauth_codes WHERE user_id = ?').run(userId);
      forgetLoginFailures(this.db, person.email);
      for (const category of CATEGORIES) if (category.available(this.db)) category.erase(this.db, subject);
      this.db.prepare('DELETE FROM privacy_disclosures WHERE user_id = ?').run(userId);
      this.exports.deleteAllFor(userId);
      this.state.markErased(userId, now);
    })();
    for (const task of tasks) task();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
