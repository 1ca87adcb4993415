import { existsSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalErasure } from '../../../shared/contract/privacy-contract';
import { eraseFeedbackUser } from '../docs/feedback-outbox';
import { scrubDatabaseFile, type LocalDatabase } from '../local-db/local-database';
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
 * Then the database file is scrubbed (scrubDatabaseFile: no free page, freed cell or write-ahead log
 * keeps old bytes, including rows deleted before the erasure) and the account's staged attachment
 * files are removed.
 */
export async function eraseAccountLocally(db: LocalDatabase, dataDir: string, userId: string): Promise<LocalErasure> {
  let removed: LocalErasure['removed'] = [];
  let stagedIds: string[] = [];

  db.transaction(() => {
    const tickets = eraseTicketsUser(db, userId);
    stagedIds = tickets.stagedIds;
    removed = [
      { id: 'ticket-drafts', count: tickets.drafts },
      { id: 'ticket-outbox', count: tickets.outbox },
      { id: 'staged-attachments', count: tickets.staged },
      { id: 'ticket-read-state', count: tickets.readState },
      { id: 'ticket-list-copy', count: tickets.known },
      { id: 'docs-feedback', count: eraseFeedbackUser(db, userId) },
    ];
  })();
  // secure_delete is always on (openLocalDatabase), so these rows are zeroed as they go; the scrub also
  // clears what was freed before that, and the write-ahead log.
  const databaseLeft = scrubDatabaseFile(db);
  // The last-known-good copy of the outbox and drafts (issue 19) holds the same rows: rewritten now.
  // When it cannot be rewritten (a full disk), it goes: the erased rows must not outlive the erasure there.
  if (existsSync(backupFileFor(db.name))) {
    try {
      writeBackup(db);
    } catch {
      rmSync(backupFileFor(db.name), { force: true });
    }
  }

  // After the rows: a file whose row is gone is never sent, while a row without its file would be.
  const files = stagedIds.map((id) => join(dataDir, STAGED_FOLDER, id));
  const results = await Promise.allSettled(files.map((file) => rm(file, { force: true, maxRetries: 5, retryDelay: 100 })));
  // What another program holds open is named, not silently left behind.
  const filesLeft = [...databaseLeft, ...files.filter((_file, index) => results[index]!.status === 'rejected')];
  return { removed, filesLeft, error: null };
}
