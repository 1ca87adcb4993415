import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { loadDatabaseKey } from '../../main/services/local-db/database-key';
import { applyKey } from '../../main/services/local-db/local-database';
import { SqlCipherDatabase } from '../../main/services/local-db/sqlcipher';
import { memoryOnlySecretStore, type SecretStore } from '../../main/services/session/secret-store';

/**
 * The key of an app data folder's encrypted local.sqlite, as the preview and the tests' composed
 * services keep it (no OS secret store, the user's default of keeping local data: the key file beside it).
 */
export const appDatabaseKey = (dataDir: string, secrets: SecretStore = memoryOnlySecretStore): Buffer => loadDatabaseKey(join(dataDir, 'local.sqlite'), secrets, true).key;

/** A second connection to an app's encrypted local.sqlite (or any file encrypted with that folder's key), as a test inspects or damages it. */
export function openAppDatabase(dataDir: string, options: BetterSqlite3.Options = {}, file = join(dataDir, 'local.sqlite'), secrets?: SecretStore): BetterSqlite3.Database {
  const db = new SqlCipherDatabase(file, options);
  applyKey(db, appDatabaseKey(dataDir, secrets));
  return db;
}
