import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalErasure } from '../../../shared/contract/privacy-contract';
import type { LocalDatabase } from '../local-db/local-database';

type Item = LocalErasure['removed'][number]['id'];

/**
 * The local tables that record whose rows they hold. Several people may use the app on one computer
 * (the tickets and feedback queues carry their user for that reason), so an erasure removes these
 * rows of the erased account only, not the whole data folder as "Clear local data" does: wiping
 * everything would also delete a colleague's unsent drafts and queued requests.
 *
 * Left in place, on purpose: documentation libraries, bookmarks and reading history, the download
 * history and the settings are not tied to an account (they have no user column, so they cannot be
 * told apart), and an export the person downloaded is their own copy, kept where they saved it. The
 * screen says so and points to "Clear local data", which removes all of it.
 */
const USER_TABLES: readonly { table: string; item: Item }[] = [
  { table: 'tickets_drafts', item: 'ticket-drafts' },
  { table: 'tickets_outbox', item: 'ticket-outbox' },
  { table: 'tickets_staged', item: 'staged-attachments' },
  { table: 'tickets_sync', item: 'ticket-read-state' },
  { table: 'tickets_unread', item: 'ticket-read-state' },
  { table: 'docs_feedback_outbox', item: 'docs-feedback' },
];

/** Where AttachmentStaging keeps staged files, one per id. */
const STAGED_DIR = 'tickets-staged';

/**
 * P5.4 on this computer: deletes the erased account's rows in one transaction, overwriting the freed
 * pages (secure_delete) and folding the WAL back so the old bytes are not left in either file, then
 * removes the account's staged attachment files.
 */
export async function eraseAccountLocally(db: LocalDatabase, dataDir: string, userId: string): Promise<LocalErasure> {
  const present = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((row) => row.name));
  const tables = USER_TABLES.filter(({ table }) => present.has(table));
  const counts = new Map<Item, number>(USER_TABLES.map(({ item }) => [item, 0]));
  let stagedIds: string[] = [];

  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      if (present.has('tickets_staged')) {
        stagedIds = (db.prepare('SELECT id FROM tickets_staged WHERE user_id = ?').all(userId) as { id: string }[]).map((row) => row.id);
      }
      for (const { table, item } of tables) {
        const { changes } = db.prepare(`DELETE FROM ${table} WHERE user_id = ?`).run(userId);
        counts.set(item, counts.get(item)! + changes);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }

  // After the rows: a file whose row is gone is never sent, while a row without its file would be.
  const files = stagedIds.map((id) => join(dataDir, STAGED_DIR, id));
  const results = await Promise.allSettled(files.map((file) => rm(file, { force: true, maxRetries: 5, retryDelay: 100 })));
  // What another program holds open is named, not silently left behind.
  const filesLeft = files.filter((_file, index) => results[index]!.status === 'rejected');
  return { removed: [...counts].map(([id, count]) => ({ id, count })), filesLeft, error: null };
}
