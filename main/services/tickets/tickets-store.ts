import type Database from 'better-sqlite3';
import type { TicketSummary } from '../../../shared/api/tickets';
import { applyMigrations, type LocalDatabase } from '../local-db/local-database';

/**
 * The tickets domain's tables in the local database: drafts (saved as the user types), the outbox
 * (each submission with its idempotency key, written in the same transaction that queues it),
 * staged attachment files, the change-feed cursor and unread markers. Every row carries the user
 * it belongs to, so one person's queue is never sent with another's session.
 */
const MIGRATIONS = [
  {
    version: 1,
    name: 'drafts, outbox, staged files, feed cursor, unread',
    up: `
      CREATE TABLE tickets_drafts (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('ticket', 'reply')),
        ticket_id TEXT,
        values_json TEXT NOT NULL,
        error_json TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX tickets_drafts_user ON tickets_drafts (user_id, updated_at);
      CREATE TABLE tickets_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('create', 'reply', 'attach')),
        idempotency_key TEXT NOT NULL UNIQUE,
        ticket_id TEXT,
        draft_id TEXT,
        label TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX tickets_outbox_user ON tickets_outbox (user_id, seq);
      CREATE TABLE tickets_staged (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE tickets_sync (user_id TEXT PRIMARY KEY, cursor INTEGER NOT NULL);
      CREATE TABLE tickets_unread (user_id TEXT NOT NULL, ticket_id TEXT NOT NULL, PRIMARY KEY (user_id, ticket_id));
    `,
  },
  {
    version: 2,
    name: 'requests known offline; no drafts nobody typed in',
    up: `
      CREATE TABLE tickets_known (
        user_id TEXT NOT NULL,
        ticket_id TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        PRIMARY KEY (user_id, ticket_id)
      );
      CREATE TABLE tickets_known_listed (user_id TEXT PRIMARY KEY, listed_at INTEGER NOT NULL);
      -- Before version 2, opening "New request" stored a draft at once; one never saved since is not a draft.
      DELETE FROM tickets_drafts WHERE kind = 'ticket' AND updated_at = created_at AND error_json IS NULL;
    `,
  },
];

export type OutboxKind = 'create' | 'reply' | 'attach';
export type OutboxRow = {
  seq: number; user_id: string; kind: OutboxKind; idempotency_key: string; ticket_id: string | null; draft_id: string | null;
  label: string; payload_json: string; attempts: number; next_attempt_at: number; last_error: string | null; created_at: number;
};
export type DraftRow = {
  id: string; user_id: string; kind: 'ticket' | 'reply'; ticket_id: string | null; values_json: string; error_json: string | null;
  created_at: number; updated_at: number;
};
export type StagedRow = { id: string; user_id: string; name: string; size: number; sha256: string; created_at: number };

export function migrateTicketsStore(db: LocalDatabase): void {
  applyMigrations(db, 'tickets', MIGRATIONS);
}

/** Where AttachmentStaging keeps staged files (one per id), inside the data folder. */
export const STAGED_FOLDER = 'tickets-staged';

/**
 * Deletes every row one user left in the tickets tables (an erased account, P5.4); call it inside
 * the caller's transaction. The staged files' ids come back: their files are the caller's to remove,
 * after the rows. Nothing to do where the tickets feature never ran.
 */
export function eraseTicketsUser(db: LocalDatabase, userId: string) {
  const erased = { drafts: 0, outbox: 0, staged: 0, readState: 0, known: 0, stagedIds: [] as string[] };
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tickets_drafts'").get()) return erased;
  const remove = (table: string) => db.prepare(`DELETE FROM ${table} WHERE user_id = ?`).run(userId).changes;
  erased.stagedIds = (db.prepare('SELECT id FROM tickets_staged WHERE user_id = ?').all(userId) as { id: string }[]).map((row) => row.id);
  erased.drafts = remove('tickets_drafts');
  erased.outbox = remove('tickets_outbox');
  erased.staged = remove('tickets_staged');
  erased.readState = remove('tickets_sync') + remove('tickets_unread');
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tickets_known'").get()) {
    erased.known = remove('tickets_known');
    remove('tickets_known_listed');
  }
  return erased;
}

/** Plain statements over the tables; transactions are composed by the callers. */
export class TicketsStore {
  // Prepared once per SQL text: preparing dominated the outbox's per-item cost when it ran per call.
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: LocalDatabase) {
    migrateTicketsStore(db);
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  draft(userId: string, id: string): DraftRow | undefined {
    return this.prepare('SELECT * FROM tickets_drafts WHERE id = ? AND user_id = ?').get(id, userId) as DraftRow | undefined;
  }

  drafts(userId: string, kind: DraftRow['kind']): DraftRow[] {
    return this.prepare('SELECT * FROM tickets_drafts WHERE user_id = ? AND kind = ? ORDER BY updated_at DESC').all(userId, kind) as DraftRow[];
  }

  /** Inserts or updates a draft; false when the id belongs to another user's draft (nothing written). */
  putDraft(row: DraftRow): boolean {
    return this
      .prepare(
        `INSERT INTO tickets_drafts (id, user_id, kind, ticket_id, values_json, error_json, created_at, updated_at)
         VALUES (@id, @user_id, @kind, @ticket_id, @values_json, @error_json, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET values_json = excluded.values_json, error_json = excluded.error_json, updated_at = excluded.updated_at
         WHERE tickets_drafts.user_id = excluded.user_id`,
      )
      .run(row).changes > 0;
  }

  deleteDraft(userId: string, id: string): boolean {
    return this.prepare('DELETE FROM tickets_drafts WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
  }

  outbox(userId: string): OutboxRow[] {
    return this.prepare('SELECT * FROM tickets_outbox WHERE user_id = ? ORDER BY seq').all(userId) as OutboxRow[];
  }

  /** The oldest item: the only one that may be sent next. */
  head(userId: string): OutboxRow | undefined {
    return this.prepare('SELECT * FROM tickets_outbox WHERE user_id = ? ORDER BY seq LIMIT 1').get(userId) as OutboxRow | undefined;
  }

  insertOutbox(row: Omit<OutboxRow, 'seq' | 'attempts' | 'last_error'>): number {
    return Number(
      this
        .prepare(
          `INSERT INTO tickets_outbox (user_id, kind, idempotency_key, ticket_id, draft_id, label, payload_json, next_attempt_at, created_at)
           VALUES (@user_id, @kind, @idempotency_key, @ticket_id, @draft_id, @label, @payload_json, @next_attempt_at, @created_at)`,
        )
        .run(row).lastInsertRowid,
    );
  }

  /** The item's progress: a created ticket's id is kept so its attachments follow even after a restart. */
  updateOutbox(seq: number, changes: Partial<Pick<OutboxRow, 'attempts' | 'next_attempt_at' | 'last_error' | 'ticket_id' | 'payload_json'>>): void {
    const keys = Object.keys(changes);
    if (!keys.length) return;
    this.prepare(`UPDATE tickets_outbox SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE seq = @seq`).run({ ...changes, seq });
  }

  deleteOutbox(seq: number): void {
    this.prepare('DELETE FROM tickets_outbox WHERE seq = ?').run(seq);
  }

  staged(userId: string, ids: readonly string[]): StagedRow[] {
    if (!ids.length) return [];
    const rows = this
      .prepare(`SELECT * FROM tickets_staged WHERE user_id = ? AND id IN (${ids.map(() => '?').join(', ')})`)
      .all(userId, ...ids) as StagedRow[];
    return ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is StagedRow => Boolean(row));
  }

  insertStaged(row: StagedRow): void {
    this.prepare('INSERT INTO tickets_staged (id, user_id, name, size, sha256, created_at) VALUES (@id, @user_id, @name, @size, @sha256, @created_at)').run(row);
  }

  deleteStaged(userId: string, ids: readonly string[]): void {
    for (const id of ids) this.prepare('DELETE FROM tickets_staged WHERE id = ? AND user_id = ?').run(id, userId);
  }

  cursor(userId: string): number | undefined {
    return (this.prepare('SELECT cursor FROM tickets_sync WHERE user_id = ?').get(userId) as { cursor: number } | undefined)?.cursor;
  }

  setCursor(userId: string, cursor: number): void {
    this.prepare('INSERT INTO tickets_sync (user_id, cursor) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET cursor = excluded.cursor').run(userId, cursor);
  }

  unread(userId: string): Set<string> {
    return new Set((this.prepare('SELECT ticket_id FROM tickets_unread WHERE user_id = ?').all(userId) as { ticket_id: string }[]).map((r) => r.ticket_id));
  }

  markUnread(userId: string, ticketId: string): void {
    this.prepare('INSERT OR IGNORE INTO tickets_unread (user_id, ticket_id) VALUES (?, ?)').run(userId, ticketId);
  }

  /**
   * Remembers requests as the service listed them, for the list offline. Only rows whose summary
   * changed are written (a refresh of 10,000 unchanged requests writes nothing but the time); a
   * complete list also forgets what it no longer has (deleted, or no longer visible to this user).
   */
  rememberKnown(userId: string, summaries: readonly TicketSummary[], listedAt: number, complete: boolean): void {
    this.transaction(() => {
      const put = this.prepare(
        `INSERT INTO tickets_known (user_id, ticket_id, summary_json) VALUES (?, ?, ?)
         ON CONFLICT (user_id, ticket_id) DO UPDATE SET summary_json = excluded.summary_json WHERE summary_json IS NOT excluded.summary_json`,
      );
      for (const summary of summaries) put.run(userId, summary.id, JSON.stringify(summary));
      if (complete) {
        this.prepare('DELETE FROM tickets_known WHERE user_id = ? AND ticket_id NOT IN (SELECT value FROM json_each(?))').run(userId, JSON.stringify(summaries.map((t) => t.id)));
      }
      this.prepare('INSERT INTO tickets_known_listed (user_id, listed_at) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET listed_at = excluded.listed_at').run(userId, listedAt);
    });
  }

  /** The requests known on this computer and when the service last listed them (undefined: never). */
  known(userId: string): { summaries: TicketSummary[]; listedAt: number | undefined } {
    const rows = this.prepare('SELECT summary_json FROM tickets_known WHERE user_id = ?').all(userId) as { summary_json: string }[];
    const listed = this.prepare('SELECT listed_at FROM tickets_known_listed WHERE user_id = ?').get(userId) as { listed_at: number } | undefined;
    return { summaries: rows.map((row) => JSON.parse(row.summary_json) as TicketSummary), listedAt: listed?.listed_at };
  }

  markRead(userId: string, ticketId: string): boolean {
    return this.prepare('DELETE FROM tickets_unread WHERE user_id = ? AND ticket_id = ?').run(userId, ticketId).changes > 0;
  }
}
