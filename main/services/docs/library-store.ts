import { rm } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { assetDirFor } from './import-job';
import { deleteInstallRows } from './library-writer';

export interface InstallRow {
  id: number;
  library_id: string;
  product: string;
  version: string;
  language: string;
  title: string;
  source: 'catalogue' | 'package' | 'folder';
  sha256: string | null;
  updated_at: string;
  topic_count: number;
  text_bytes: number;
  asset_bytes: number;
  package_bytes: number;
  toc_json: string;
}

/** Reads and removes installs. Writes of new installs happen in the import worker. */
export class LibraryStore {
  constructor(
    private readonly db: Database.Database,
    private readonly dataDir: string,
  ) {}

  ready(): InstallRow[] {
    return this.db.prepare("SELECT * FROM docs_installs WHERE state = 'ready' ORDER BY product, version").all() as InstallRow[];
  }

  readyInstall(libraryId: string): InstallRow | undefined {
    return this.db.prepare("SELECT * FROM docs_installs WHERE library_id = ? AND state = 'ready'").get(libraryId) as InstallRow | undefined;
  }

  /** Disk used by one install: its text in the index (about twice the text: content plus index) and its images. */
  static diskBytes(row: InstallRow): number {
    return row.text_bytes * 2 + row.asset_bytes;
  }

  async remove(libraryId: string): Promise<boolean> {
    const ids = (this.db.prepare('SELECT id FROM docs_installs WHERE library_id = ?').all(libraryId) as { id: number }[]).map((r) => r.id);
    if (ids.length === 0) return false;
    this.db.transaction(() => ids.forEach((id) => deleteInstallRows(this.db, id)))();
    await Promise.all(ids.map((id) => this.removeFiles(id)));
    return true;
  }

  removeFiles(installId: number): Promise<void> {
    return rm(assetDirFor(this.dataDir, installId), { recursive: true, force: true });
  }

  /** An import interrupted by a crash left an install in 'importing': it is removed at start. */
  async removeUnfinished(): Promise<void> {
    const ids = (this.db.prepare("SELECT id FROM docs_installs WHERE state = 'importing'").all() as { id: number }[]).map((r) => r.id);
    this.db.transaction(() => ids.forEach((id) => deleteInstallRows(this.db, id)))();
    await Promise.all(ids.map((id) => this.removeFiles(id)));
  }
}
