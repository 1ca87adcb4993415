import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { CATEGORY_IDS, type CategoryId, type ExportJob } from '../../../shared/api/privacy';
import { AppError } from '../../../shared/errors';
import { writeExport } from './export-writer';

export const EXPORT_TTL_MS = 7 * 24 * 3600 * 1000;

type ExportRow = {
  id: string; user_id: string; status: ExportJob['status']; created_at: number; expires_at: number;
  ready_at: number | null; size: number | null; sha256: string | null;
};

/** Export jobs (P5.1): asynchronous, one at a time per person, downloadable only by them, gone after 7 days. */
export class ExportStore {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly dir: string,
    private readonly now: () => number,
    private readonly compressionLevel?: number,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  list(userId: string): ExportJob[] {
    this.sweep();
    return (this.db.prepare('SELECT * FROM privacy_exports WHERE user_id = ? ORDER BY created_at DESC').all(userId) as ExportRow[]).map(toJob);
  }

  get(userId: string, id: string): ExportJob {
    this.sweep();
    const row = this.db.prepare('SELECT * FROM privacy_exports WHERE id = ? AND user_id = ?').get(id, userId) as ExportRow | undefined;
    // Someone else's export answers exactly like a missing one, so ids cannot be probed.
    if (!row) throw new AppError('not_found', 'There is no such export, or it has expired.');
    return toJob(row);
  }

  /** Starts an export of the chosen categories (P5.1; every category when none is named). */
  create(userId: string, categories: readonly CategoryId[] = CATEGORY_IDS): ExportJob {
    this.sweep();
    if (this.db.prepare(`SELECT 1 FROM privacy_exports WHERE user_id = ? AND status = 'pending'`).get(userId)) {
      throw new AppError('conflict', 'An export is already being prepared. Wait for it to finish.');
    }
    const id = randomUUID();
    const at = this.now();
    this.db.prepare(`INSERT INTO privacy_exports (id, user_id, status, created_at, expires_at) VALUES (?, ?, 'pending', ?, ?)`).run(id, userId, at, at + EXPORT_TTL_MS);
    const job = this.run(id, userId, at, categories).finally(() => this.running.delete(id));
    this.running.set(id, job);
    return this.get(userId, id);
  }

  /** The ZIP on disk of a ready export of this user. */
  file(userId: string, id: string): { path: string; job: ExportJob } {
    const job = this.get(userId, id);
    if (job.status !== 'ready') throw new AppError('conflict', 'This export is not ready yet.');
    return { path: this.path(id), job };
  }

  /** Resolves when every running job has finished (tests and a clean shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  deleteAllFor(userId: string): void {
    const ids = (this.db.prepare('SELECT id FROM privacy_exports WHERE user_id = ?').all(userId) as { id: string }[]).map((row) => row.id);
    this.db.prepare('DELETE FROM privacy_exports WHERE user_id = ?').run(userId);
    for (const id of ids) void rm(this.path(id), { force: true });
  }

  /** Expired exports disappear, rows and files (7 days). */
  private sweep(): void {
    const expired = this.db.prepare('SELECT id FROM privacy_exports WHERE expires_at <= ?').all(this.now()) as { id: string }[];
    if (expired.length === 0) return;
    this.db.prepare('DELETE FROM privacy_exports WHERE expires_at <= ?').run(this.now());
    for (const { id } of expired) void rm(this.path(id), { force: true });
  }

  private async run(id: string, userId: string, createdAt: number, categories: readonly CategoryId[]): Promise<void> {
    try {
      const { sha256, size } = await writeExport({ dbPath: this.db.name, userId, createdAt, categories, target: this.path(id), compressionLevel: this.compressionLevel });
      this.db.prepare(`UPDATE privacy_exports SET status = 'ready', ready_at = ?, size = ?, sha256 = ? WHERE id = ?`).run(this.now(), size, sha256, id);
    } catch {
      if (this.db.open) this.db.prepare(`UPDATE privacy_exports SET status = 'failed' WHERE id = ?`).run(id);
    }
  }

  private path(id: string): string {
    // The id is always one we generated (a UUID from our own table), never the caller's text.
    return join(this.dir, `${id}.zip`);
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toJob = (row: ExportRow): ExportJob => ({
  id: row.id,
  status: row.status,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
  readyAt: iso(row.ready_at),
  size: row.size,
  sha256: row.sha256,
  fileName: `my-data-${new Date(row.created_at).toISOString().slice(0, 10)}.zip`,
});
