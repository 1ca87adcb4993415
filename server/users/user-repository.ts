import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Profile, ProfilePatch } from '../../shared/api';

type ProfileRow = {
  id: string; name: string; email: string; phone: string; contact_address: string; country: string;
  industry: string; job: string; updated_at: number; company_id: string; company_name: string;
};

// Maps each editable profile field to its column; anything not listed here can never be written.
const COLUMNS: Record<keyof ProfilePatch, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  contactAddress: 'contact_address',
  country: 'country',
  industry: 'industry',
  job: 'job',
};

const PROFILE_QUERY = `
SELECT u.id, u.name, u.email, u.phone, u.contact_address, u.country, u.industry, u.job, u.updated_at,
       c.id AS company_id, c.name AS company_name
FROM users u JOIN companies c ON c.id = u.company_id
WHERE u.id = ?`;

const emailTaken = () => new AppError('conflict', 'This e-mail address belongs to another account.', { email: 'This e-mail address is already in use.' });

export class UserRepository {
  constructor(private readonly db: Database) {}

  findCredentials(email: string): { id: string; passwordHash: string } | undefined {
    const row = this.db.prepare('SELECT id, password_hash FROM users WHERE lower(email) = lower(?)').get(email.trim()) as
      | { id: string; password_hash: string }
      | undefined;
    return row && { id: row.id, passwordHash: row.password_hash };
  }

  getProfile(userId: string): Profile | undefined {
    const row = this.db.prepare(PROFILE_QUERY).get(userId) as ProfileRow | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      contactAddress: row.contact_address,
      country: row.country,
      industry: row.industry,
      job: row.job,
      company: { id: row.company_id, name: row.company_name },
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /** Writes only the given fields of this one user; throws a `conflict` AppError when the e-mail is taken. */
  updateProfile(userId: string, patch: ProfilePatch, at: number): Profile | undefined {
    const entries = (Object.keys(COLUMNS) as (keyof ProfilePatch)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => [COLUMNS[key], patch[key]] as const);
    const update = this.db.transaction(() => {
      if (patch.email !== undefined) {
        const other = this.db.prepare('SELECT id FROM users WHERE lower(email) = lower(?) AND id <> ?').get(patch.email, userId);
        if (other) throw emailTaken();
      }
      const sets = [...entries.map(([column]) => `${column} = ?`), 'updated_at = ?'].join(', ');
      this.db.prepare(`UPDATE users SET ${sets} WHERE id = ?`).run(...entries.map(([, value]) => value), at, userId);
    });
    try {
      update();
    } catch (error) {
      // The unique index is the last word when two requests race for the same address.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw emailTaken();
      throw error;
    }
    return this.getProfile(userId);
  }

  recordSignIn(userId: string, ip: string, method: string, at: number): void {
    this.db.prepare('INSERT INTO sign_in_events (id, user_id, at, ip, method) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), userId, at, ip, method);
  }
}
