import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

const CREATE_LEDGER = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/**
 * Applies every migration not yet recorded, each with its ledger row in one transaction, so a crash
 * midway leaves the database at the previous version rather than half-migrated.
 * Returns the versions it applied (empty on a restart with an up-to-date file).
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, now: () => number = Date.now): number[] {
  db.exec(CREATE_LEDGER);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.up);
      record.run(migration.version, migration.name, now());
    })();
    done.push(migration.version);
  }
  return done;
}
