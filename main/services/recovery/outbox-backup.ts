import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { databaseKeyOf, type LocalDatabase } from '../local-db/local-database';
import { PRECIOUS_TABLES } from './precious-tables';

export type BackupRows = Record<string, Record<string, unknown>[]>;
type BackupFile = { format: 1; writtenAt: string; tables: BackupRows };

/** `local.sqlite.backup.json` beside the database: the last-known-good copy of the outbox and drafts (sealed: see sealBackup). */
export const backupFileFor = (databaseFile: string) => `${databaseFile}.backup.json`;

/** The precious rows as they stand (tables that do not exist yet are left out). */
export function readPreciousRows(db: LocalDatabase): BackupRows {
  const existing = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
  const rows: BackupRows = {};
  for (const { table } of PRECIOUS_TABLES) if (existing.has(table)) rows[table] = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
  return rows;
}

// The copy holds what the database holds (contact details, request text): it is sealed with AES-256-GCM
// under a key derived from the database's own, so it is exactly as protected as the database.
const MAGIC = Buffer.from('ESDBK1');
const backupKey = (databaseKey: Buffer) => Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'esd outbox backup', 32));

export function sealBackup(text: string, databaseKey: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', backupKey(databaseKey), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

function openBackup(content: Buffer, databaseKey: Buffer | null): string {
  if (!content.subarray(0, MAGIC.length).equals(MAGIC)) return content.toString('utf8'); // a plain copy from before encryption
  if (!databaseKey) throw new Error('The backup is encrypted and no key was given.');
  const iv = content.subarray(MAGIC.length, MAGIC.length + 12);
  const tag = content.subarray(MAGIC.length + 12, MAGIC.length + 28);
  const decipher = createDecipheriv('aes-256-gcm', backupKey(databaseKey), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(content.subarray(MAGIC.length + 28)), decipher.final()]).toString('utf8');
}

/** The last copy written, or null when there is none or it cannot be read (damaged, or sealed with another key). */
export function readBackup(file: string, databaseKey: Buffer | null = null): BackupRows | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(openBackup(readFileSync(file), databaseKey)) as Partial<BackupFile>;
    return parsed.format === 1 && parsed.tables && typeof parsed.tables === 'object' ? parsed.tables : null;
  } catch {
    return null;
  }
}

/** Writes the copy now (the erasure of an account calls it, so its rows leave the copy with the database). */
export function writeBackup(db: LocalDatabase, file = backupFileFor(db.name)): string {
  const text = JSON.stringify({ format: 1, writtenAt: new Date().toISOString(), tables: readPreciousRows(db) } satisfies BackupFile);
  const key = databaseKeyOf(db);
  writeWhole(file, key ? sealBackup(text, key) : Buffer.from(text));
  return text;
}

/** Written to a temp file, flushed to the disk, then renamed: a crash or a full disk never leaves half a copy. */
function writeWhole(file: string, content: Buffer): void {
  const temp = `${file}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Keeps `local.sqlite.backup.json` equal to the outbox and drafts, so a database a power cut left
 * empty (or too damaged to read) does not take queued requests and drafts with it. Polling the few
 * rows (a millisecond) catches every writer, including erasure, without hooks in each domain; the file
 * is rewritten only when they changed. Reading them is also a health check of those tables at run time.
 */
export class OutboxBackup {
  private last: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: LocalDatabase,
    private readonly file: string,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    this.writeIfChanged();
    this.timer = setInterval(() => this.writeIfChanged(), this.intervalMs);
    this.timer.unref?.();
  }

  /** Returns true when the file now matches the database. */
  writeIfChanged(): boolean {
    try {
      if (!this.db.open) return false;
      const content = JSON.stringify(readPreciousRows(this.db));
      if (content === this.last) return true;
      writeBackup(this.db, this.file);
      this.last = content;
      return true;
    } catch (error) {
      // The previous copy stays whole; a damaged database is the recovery service's to handle.
      this.onError(error);
      return false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.writeIfChanged();
  }
}
