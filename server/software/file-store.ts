import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { GENERATE_AT_START_MAX_BYTES } from './demo-catalogue';
import { ensureDemoFile } from './demo-files';
import type { FileRow } from './software-repository';

/**
 * The software files on the server's disk (in a folder next to its database). Demo files are
 * generated when missing: the small ones at start, the large ones when first asked for.
 */
export class SoftwareFileStore {
  private readonly generating = new Map<string, Promise<string>>();

  constructor(readonly folder: string) {}

  async generateSmallDemoFiles(db: Database): Promise<void> {
    const rows = db.prepare('SELECT * FROM software_files WHERE demo_seed IS NOT NULL AND size <= ?').all(GENERATE_AT_START_MAX_BYTES) as FileRow[];
    for (const row of rows) await this.path(row);
  }

  /** The file's path on disk, generating a demo file once even when several downloads ask at the same time. */
  async path(file: Pick<FileRow, 'storage_name' | 'demo_seed' | 'size'>): Promise<string> {
    const path = join(this.folder, file.storage_name);
    if (existsSync(path) || !file.demo_seed) return path;
    const seed = file.demo_seed;
    let pending = this.generating.get(path);
    if (!pending) {
      pending = ensureDemoFile(this.folder, file.storage_name, seed, file.size).finally(() => this.generating.delete(path));
      this.generating.set(path, pending);
    }
    return pending;
  }
}
