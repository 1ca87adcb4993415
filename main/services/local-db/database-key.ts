import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { backupFileFor } from '../recovery/outbox-backup';
import type { SecretStore } from '../session/secret-store';

/**
 * How the key of the local database is kept:
 * - 'os-keyring': sealed by the OS (Keychain, DPAPI, libsecret/kwallet) through Electron's safeStorage;
 * - 'without-keyring': no OS keyring (Linux `basic_text`, or no safeStorage at all, as in the browser
 *   preview), and the user keeps local data between runs anyway: the key file beside the database
 *   is only obfuscated, so anyone who can read the user's files can read the data. This computer says so;
 * - 'memory': no OS keyring and the user chose not to keep it: the key lives in memory only, so drafts
 *   and the outbox do not outlive this run (the file left behind cannot be read by anyone).
 */
export type DatabaseKeyProtection = 'os-keyring' | 'without-keyring' | 'memory';

export interface DatabaseKey {
  key: Buffer;
  protection: DatabaseKeyProtection;
}

export const keyFileFor = (databaseFile: string) => `${databaseFile}.key`;

const KEY_BYTES = 32;
const PLAIN_PREFIX = 'plain:';

/**
 * The key of `local.sqlite`: read from its sealed file, or made (32 random bytes) and sealed. The key
 * file is written to a temp file and renamed, so a crash never leaves half a key. A key file that
 * cannot be unsealed (another OS user, a wiped keyring) gives a new key: the database then cannot be
 * opened and recovery sets it aside, as it does any unreadable file.
 */
export function loadDatabaseKey(databaseFile: string, secrets: SecretStore, keepWithoutKeyring: boolean): DatabaseKey {
  const file = keyFileFor(databaseFile);
  const backend = secrets.backend();
  const protection: DatabaseKeyProtection = backend === 'os' ? 'os-keyring' : keepWithoutKeyring ? 'without-keyring' : 'memory';
  if (protection === 'memory') {
    rmSync(file, { force: true });
    return { key: randomBytes(KEY_BYTES), protection };
  }
  const content = existsSync(file) ? readFileSync(file) : null;
  const existing = content ? unseal(content, secrets) : null;
  // A key written while there was no store at all is sealed as soon as there is one.
  if (existing && !(isPlain(content!) && backend !== 'unavailable')) return { key: existing, protection };
  const key = existing ?? randomBytes(KEY_BYTES);
  const temp = `${file}.tmp`;
  writeFileSync(temp, seal(key, secrets), { mode: 0o600 });
  renameSync(temp, file);
  return { key, protection };
}

const isPlain = (content: Buffer) => content.toString('latin1').startsWith(PLAIN_PREFIX);

/** With an OS store (or basic_text's obfuscation) the store seals it; with none at all it is written as it is, and named so. */
function seal(key: Buffer, secrets: SecretStore): Buffer {
  const hex = key.toString('hex');
  return secrets.backend() === 'unavailable' ? Buffer.from(PLAIN_PREFIX + hex) : secrets.encrypt(hex);
}

function unseal(content: Buffer, secrets: SecretStore): Buffer | null {
  try {
    const text = isPlain(content) ? content.toString('latin1').slice(PLAIN_PREFIX.length) : secrets.decrypt(content);
    const key = Buffer.from(text, 'hex');
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** The database, its WAL/SHM and its sealed outbox copy: for a key that was never kept (memory only). */
export function removeDatabaseFiles(databaseFile: string): void {
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`, backupFileFor(databaseFile)]) rmSync(file, { force: true });
}
