import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DOCS_MIGRATIONS } from '../../../main/services/docs/docs-schema';
import { applyMigrations, isPlainSqliteFile, openLocalDatabase } from '../../../main/services/local-db/local-database';
import { appDatabaseKey, openAppDatabase } from '../../fakes/app-database';
import { SqlCipherDatabase } from '../../../main/services/local-db/sqlcipher';
import { TicketsStore } from '../../../main/services/tickets/tickets-store';

export const newDataFolder = (prefix = 'esd-fault-') => mkdtempSync(join(tmpdir(), prefix));
export const databaseFile = (dataDir: string) => join(dataDir, 'local.sqlite');

export type Seeded = { outbox: number; drafts: number; feedback: number };

/**
 * A data folder as a person's computer has it after some offline work: requests and replies waiting
 * in the outbox, drafts (about 1 KB of text each, so the table spans many pages), documentation
 * feedback waiting to be sent. Written with the domains' own migrations and store, closed cleanly
 * (the WAL checkpointed into the file). Encrypted with the folder's key, as the app writes it.
 */
export function seedLocalData(dataDir: string, userId: string, counts: Seeded = { outbox: 5, drafts: 60, feedback: 3 }): Seeded {
  const db = openLocalDatabase(databaseFile(dataDir), { key: appDatabaseKey(dataDir) });
  const store = new TicketsStore(db);
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  const now = Date.now();
  store.transaction(() => {
    for (let i = 0; i < counts.outbox; i++) {
      store.insertOutbox({
        user_id: userId, kind: 'reply', idempotency_key: `esd-${randomUUID()}`, ticket_id: randomUUID(), draft_id: null,
        label: `Reply ${i}`, payload_json: JSON.stringify({ body: `Queued reply number ${i}` }), next_attempt_at: now, created_at: now + i,
      });
    }
    for (let i = 0; i < counts.drafts; i++) {
      store.putDraft({
        id: randomUUID(), user_id: userId, kind: 'ticket', ticket_id: null, error_json: null, created_at: now + i, updated_at: now + i,
        values_json: JSON.stringify({ title: `Draft ${i}`, description: `Line of the draft ${i}. `.repeat(40), attachmentIds: [] }),
      });
    }
    const feedback = db.prepare('INSERT INTO docs_feedback_outbox (user_id, idempotency_key, payload_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < counts.feedback; i++) feedback.run(userId, `esd-${randomUUID()}`, JSON.stringify({ library: 'router-7-1-en', topicId: `t${i}`, helpful: false }), now, now);
  });
  db.close();
  return counts;
}

/** A read-only connection to the file as it is: encrypted with its folder's key, or plain (from before encryption). */
const reader = (file: string) => (isPlainSqliteFile(file) ? new SqlCipherDatabase(file, { readonly: true }) : openAppDatabase(dirname(file), { readonly: true }, file));

/** The ways a power cut, a full disk or another program leave the database file. */
export const damage = {
  /** Cut short: the second half of the file is gone. */
  truncated(file: string) {
    const pages = reader(file).pragma('page_count', { simple: true }) as number;
    truncateSync(file, Math.floor(pages / 2) * 4096);
  },
  /** The first page overwritten with random bytes (the header with it). */
  randomHeader(file: string) {
    overwrite(file, 0, randomBytes(4096));
  },
  /** Not a database at all: text saved over it. */
  text(file: string) {
    writeFileSync(file, 'This is a text file that was saved over the database.\n'.repeat(50));
  },
  /** Zero bytes long, as a power cut during a write can leave it. */
  zeroBytes(file: string) {
    truncateSync(file, 0);
  },
  /** One page of a table, in the middle of it, overwritten with random bytes. */
  pageInTheMiddle(file: string, table: string) {
    const db = reader(file);
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as { pageno: number }[];
    db.close();
    const middle = pages[Math.floor(pages.length / 2)]!.pageno;
    overwrite(file, (middle - 1) * 4096, randomBytes(4096));
  },
};

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** The files of the folder whose names start with `prefix`. */
export const filesStartingWith = (dataDir: string, prefix: string) => readdirSync(dataDir).filter((name) => name.startsWith(prefix)).sort();

export const removeCompanions = (file: string) => {
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
};
