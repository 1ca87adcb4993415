import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { SqlCipherDatabase as Database } from './sqlcipher';

// A named interface (not an alias) so composite declaration emit can name it in inferred return types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- see above
export interface LocalDatabase extends Database {}

/** One migration of one domain's tables. `up` is SQL, or a function for steps SQL cannot express. */
export interface LocalMigration {
  version: number;
  name: string;
  up: string | ((db: LocalDatabase) => void);
}

const keys = new WeakMap<LocalDatabase, Buffer>();

/** The key a connection was opened with, for another connection to the same file (the import worker). */
export const databaseKeyOf = (db: LocalDatabase): Buffer | null => keys.get(db) ?? null;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with SQLite's plain header (an encrypted file starts with random salt). */
export function isPlainSqliteFile(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** SQLCipher 4 (the format Signal Desktop uses), keyed with 32 raw bytes: no passphrase derivation to weaken it. */
export function applyKey(db: Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('The local database key must be 32 bytes.');
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * A database written by a version before encryption (plain SQLite, maybe with rows in its WAL) is
 * encrypted where it lies: the WAL is folded in and removed (journal_mode DELETE), free pages and
 * freed cells are rewritten by VACUUM with secure_delete on, then every page is re-encrypted by rekey.
 * The file is then opened again as WAL. Nothing readable stays in the folder; what the file system
 * itself keeps of overwritten blocks is beyond SQLite's reach (README, Privacy center).
 */
export function encryptPlainDatabase(file: string, key: Buffer): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    db.exec('VACUUM');
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

export interface OpenOptions {
  /** Runs before anything is written: a damaged file is set aside as it was found. */
  check?: (db: LocalDatabase) => void;
  /** 32 bytes: the file is encrypted with SQLCipher (a plain file from an older version is encrypted first). Absent: plain SQLite (the docs CLI's own library folder). */
  key?: Buffer | null;
}

/**
 * The one SQLite file on the user's machine (documents, drafts and outbox, download history),
 * encrypted at rest with the key the OS keeps (database-key.ts). WAL so a worker thread can write a
 * long import while the main process keeps reading.
 */
export function openLocalDatabase(file: string, options: OpenOptions | ((db: LocalDatabase) => void) = {}): LocalDatabase {
  const { check = () => undefined, key = null } = typeof options === 'function' ? { check: options } : options;
  if (key && isPlainSqliteFile(file)) encryptPlainDatabase(file, key);
  const db: LocalDatabase = new Database(file);
  try {
    if (key) {
      applyKey(db, key);
      keys.set(db, key);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros, always: a submitted draft or a delivered outbox item
    // (someone's e-mail and request text) must not stay readable in free pages until an erasure.
    // Cost measured by `npm run bench -- localdb` (README, Privacy center).
    db.pragma('secure_delete = ON');
    // Before anything is written to it: a damaged file is set aside as it was found.
    check(db);
  } catch (error) {
    db.close();
    throw error;
  }
  db.exec(`CREATE TABLE IF NOT EXISTS local_migrations (
    scope TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (scope, version)
  )`);
  return db;
}

/**
 * Each domain (docs, tickets, downloads, ...) owns its tables and numbers its own migrations, so
 * features can land in any order. Each migration runs in a transaction: all of it or none.
 */
export function applyMigrations(db: LocalDatabase, scope: string, migrations: readonly LocalMigration[]): number[] {
  const done = new Set(
    (db.prepare('SELECT version FROM local_migrations WHERE scope = ?').all(scope) as { version: number }[]).map((row) => row.version),
  );
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.prepare('INSERT INTO local_migrations (scope, version, name, applied_at) VALUES (?, ?, ?, ?)').run(
        scope,
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    applied.push(migration.version);
  }
  return applied;
}

/**
 * After an erasure: fold the write-ahead log back and empty it, rebuild the file so no free page or
 * freed cell keeps old bytes (rows deleted before secure_delete was always on, by an older version,
 * included), and empty the log again. Returns the files that may still hold old bytes because another
 * connection (a documentation import in its worker) kept them busy: the caller names them.
 */
export function scrubDatabaseFile(db: LocalDatabase): string[] {
  const truncated = () => (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy === 0;
  const left: string[] = [];
  if (!truncated()) left.push(`${db.name}-wal`);
  try {
    db.exec('VACUUM');
  } catch {
    left.push(db.name);
  }
  if (!truncated() && !left.includes(`${db.name}-wal`)) left.push(`${db.name}-wal`);
  return left;
}
