import { existsSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalErasure } from '../../../shared/contract/privacy-contract';
import { eraseFeedbackUser } from '../docs/feedback-outbox';
import type { LocalDatabase } from '../local-db/local-database';
import { backupFileFor, writeBackup } from '../recovery/outbox-backup';
import { eraseTicketsUser, STAGED_FOLDER } from '../tickets/tickets-store';

/**
 * P5.4 on this computer: the erased account's rows in the tables that record whose rows they hold.
 * Several people may use the app on one computer (the tickets and feedback queues carry their user
 * for that reason), so an erasure removes this account's rows only, not the whole data folder as
 * "Clear local data" does: wiping everything would also delete a colleague's unsent drafts and
 * queued requests. Each domain deletes from its own tables; this file makes it one transaction.
 *
 * Left in place, on purpose: documentation libraries, bookmarks and reading history, the download
 * history and the settings are not tied to an account (they have no user column, so they cannot be
 * told apart), and an export the person downloaded is their own copy, kept where they saved it. The
 * screen says so and points to "Clear local data", which removes all of it.
 *
 * The freed pages are overwritten (secure_delete) and the WAL folded back so the old bytes are left
 * in neither file; then the account's staged attachment files are removed.
 */
export async function eraseAccountLocally(db: LocalDatabase, dataDir: string, userId: string): Promise<LocalErasure> {
  let removed: LocalErasure['removed'] = [];
  let stagedIds: string[] = [];

  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      const tickets = eraseTicketsUser(db, userId);
      stagedIds = tickets.stagedIds;
      removed = [
        { id: 'ticket-drafts', count: tickets.drafts },
        { id: 'ticket-outbox', count: tickets.outbox },
        { id: 'staged-attachments', count: tickets.staged },
        { id: 'ticket-read-state', count: tickets.readState },
        { id: 'docs-feedback', count: eraseFeedbackUser(db, userId) },
      ];
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    // The last-known-good copy of the outbox and drafts (issue 19) holds the same rows: rewritten now.
    // When it cannot be rewritten (a full disk), it goes: the erased rows must not outlive the erasure there.
    if (existsSync(backupFileFor(db.name))) {
      try {
        writeBackup(db);
      } catch {
        rmSync(backupFileFor(db.name), { force: true });
      }
    }
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }

  // After the rows: a file whose row is gone is never sent, while a row without its file would be.
  const files = stagedIds.map((id) => join(dataDir, STAGED_FOLDER, id));
  const results = await Promise.allSettled(files.map((file) => rm(file, { force: true, maxRetries: 5, retryDelay: 100 })));
  // What another program holds open is named, not silently left behind.
  const filesLeft = files.filter((_file, index) => results[index]!.status === 'rejected');
  return { removed, filesLeft, error: null };
}
