import { applyMigrations, type LocalDatabase } from '../local-db/local-database';
import { DownloadReasonSchema, type DownloadReason } from '../../../shared/contract/download-reason';
import type { DownloadJob, DownloadState } from './download-types';

const MIGRATIONS = [
  {
    version: 1,
    name: 'download jobs and history',
    up: `CREATE TABLE downloads_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      url TEXT NOT NULL,
      file_name TEXT NOT NULL,
      folder TEXT NOT NULL,
      part_path TEXT NOT NULL,
      final_path TEXT,
      quarantine_path TEXT,
      expected_size INTEGER NOT NULL,
      expected_sha256 TEXT,
      meta TEXT NOT NULL,
      etag TEXT,
      received_bytes INTEGER NOT NULL,
      state TEXT NOT NULL,
      error_code TEXT,
      message TEXT,
      sha256 TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      finished_at INTEGER
    );
    CREATE INDEX downloads_jobs_state ON downloads_jobs (state, created_at);`,
  },
  {
    version: 2,
    name: 'verdict reason code',
    // JSON of a DownloadReason; rows from before it keep null and the screen shows their message.
    up: 'ALTER TABLE downloads_jobs ADD COLUMN reason TEXT',
  },
];

type Row = Record<string, unknown>;

const COLUMNS: Record<keyof DownloadJob, string> = {
  id: 'id', kind: 'kind', url: 'url', fileName: 'file_name', folder: 'folder', partPath: 'part_path', finalPath: 'final_path',
  quarantinePath: 'quarantine_path', expectedSize: 'expected_size', expectedSha256: 'expected_sha256', meta: 'meta', etag: 'etag',
  receivedBytes: 'received_bytes', state: 'state', errorCode: 'error_code', message: 'message', reason: 'reason', sha256: 'sha256',
  createdAt: 'created_at', updatedAt: 'updated_at', finishedAt: 'finished_at',
};

function fromRow(row: Row): DownloadJob {
  const job = {} as Record<string, unknown>;
  for (const [key, column] of Object.entries(COLUMNS)) job[key] = row[column];
  job.meta = JSON.parse(row.meta as string) as Record<string, unknown>;
  job.reason = parseReason(row.reason);
  return job as unknown as DownloadJob;
}

/** A code this build does not know (written by a newer one) reads as null: the screen then shows the message. */
function parseReason(value: unknown): DownloadReason | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = DownloadReasonSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const toColumn = (key: keyof DownloadJob, value: unknown) => (value != null && (key === 'meta' || key === 'reason') ? JSON.stringify(value) : (value ?? null));

/** Download jobs and their history in the local SQLite database, so downloads survive a restart. */
export class DownloadStore {
  constructor(private readonly db: LocalDatabase) {
    applyMigrations(db, 'downloads', MIGRATIONS);
  }

  insert(job: DownloadJob): void {
    const keys = Object.keys(COLUMNS) as (keyof DownloadJob)[];
    const values = keys.map((key) => toColumn(key, job[key]));
    this.db.prepare(`INSERT INTO downloads_jobs (${keys.map((k) => COLUMNS[k]).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(...values);
  }

  update(id: string, patch: Partial<Omit<DownloadJob, 'id' | 'meta'>>): void {
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    if (keys.length === 0) return;
    this.db
      .prepare(`UPDATE downloads_jobs SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`)
      .run(...keys.map((k) => toColumn(k, patch[k])), id);
  }

  get(id: string): DownloadJob | null {
    const row = this.db.prepare('SELECT * FROM downloads_jobs WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  list(): DownloadJob[] {
    return (this.db.prepare('SELECT * FROM downloads_jobs ORDER BY created_at DESC, rowid DESC').all() as Row[]).map(fromRow);
  }

  inStates(states: readonly DownloadState[]): DownloadJob[] {
    const rows = this.db
      .prepare(`SELECT * FROM downloads_jobs WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY created_at, rowid`)
      .all(...states) as Row[];
    return rows.map(fromRow);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM downloads_jobs WHERE id = ?').run(id);
  }
}
