import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Rows are keyed by HMAC-SHA256(per-database salt, lower-cased e-mail), not by the address or a user
 * id: failures are counted for whatever address is typed, including people who have no account
 * (typos, someone else's address). Storing those addresses would keep personal data about
 * non-users that no privacy screen shows and no erasure reaches; a user id would not exist for them,
 * and locking only real accounts would tell an attacker which addresses have one. The hash is
 * pseudonymous, not anonymous (with the salt an address can be confirmed), so rows are kept only for
 * the window and erasure deletes the erased person's rows (forgetLoginFailures).
 */
function accountKey(salt: string, email: string): string {
  return createHmac('sha256', salt).update(email.trim().toLowerCase(), 'utf8').digest('base64url');
}

function readSalt(db: Database): string | undefined {
  return (db.prepare('SELECT salt FROM login_failure_salt WHERE id = 1').get() as { salt: string } | undefined)?.salt;
}

/** Deletes the failed sign-ins recorded for this address, inside the caller's transaction (P5.4). */
export function forgetLoginFailures(db: Database, email: string): void {
  const salt = readSalt(db);
  if (salt !== undefined) db.prepare('DELETE FROM login_failures WHERE account_key = ?').run(accountKey(salt, email));
}

/**
 * Counts failed sign-ins per account (by lower-cased e-mail) in a sliding window. Per-IP limits alone
 * do not stop a slow, distributed guess at one person's password; this does. Kept in the server
 * database (migration 7) so restarting the server does not hand an attacker a fresh set of guesses.
 */
export class LoginThrottle {
  private readonly salt: string;

  constructor(
    private readonly db: Database,
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {
    // The first start creates the salt; later starts (and concurrent ones) keep the stored one.
    db.prepare('INSERT INTO login_failure_salt (id, salt) VALUES (1, ?) ON CONFLICT (id) DO NOTHING').run(randomBytes(32).toString('base64url'));
    this.salt = readSalt(db)!;
    this.expire();
  }

  /**
   * Claims one sign-in attempt for this address before its password is checked, or returns false when
   * the account is locked. The count and the claim are one immediate transaction, and the claim is
   * written as a failure at once: a password check awaits scrypt, so checking the lock first and
   * writing the failure afterwards let 25 parallel guesses all pass the check before the first failure
   * landed. A correct password then clears the account's rows (reset), its own claim included.
   */
  reserveAttempt(email: string): boolean {
    const key = accountKey(this.salt, email);
    return this.db.transaction(() => {
      this.expire();
      const { n } = this.db.prepare('SELECT count(*) AS n FROM login_failures WHERE account_key = ? AND failed_at > ?').get(key, this.since()) as { n: number };
      if (n >= this.maxFailures) return false;
      this.db.prepare('INSERT INTO login_failures (account_key, failed_at) VALUES (?, ?)').run(key, this.now());
      return true;
    }).immediate();
  }

  reset(email: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE account_key = ?').run(accountKey(this.salt, email));
  }

  /**
   * Rows older than the window count for nothing: they go at start-up and at every attempt, so the
   * table stays small under a spray of made-up addresses and keeps no pseudonymous data longer than it must.
   */
  private expire(): void {
    this.db.prepare('DELETE FROM login_failures WHERE failed_at <= ?').run(this.since());
  }

  private since(): number {
    return this.now() - this.windowMs;
  }
}
