import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../../../main/services/api/api-client';
import { DownloadManager, type DownloadManagerOptions } from '../../../main/services/downloads';
import { openLocalDatabase, type LocalDatabase } from '../../../main/services/local-db/local-database';
import { SoftwareService } from '../../../main/services/software/software-service';

export interface SoftwareDesktop {
  dir: string;
  db: LocalDatabase;
  downloads: DownloadManager;
  software: SoftwareService;
  shown: string[];
  downloadFolder: string;
  quarantineFolder: string;
  /** The same app data folder and database, with new services: what an app restart does. */
  restart(): SoftwareDesktop;
}

/** The app's software and download services wired as main/compose.ts wires them, against a live server. */
export function softwareDesktop(apiUrl: string, token: string, options: Partial<DownloadManagerOptions> & { dir?: string; vendorPublicKey?: string } = {}): SoftwareDesktop {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'esd-software-'));
  const db = openLocalDatabase(join(dir, 'local.sqlite'));
  const api = new ApiClient({ baseUrl: apiUrl, fetch, getAccessToken: async () => token, retries: 0 });
  const downloadFolder = join(dir, 'Downloads');
  const quarantineFolder = join(dir, 'quarantine');
  const downloads = new DownloadManager({
    db, fetch, baseUrl: apiUrl, getAccessToken: async () => token, downloadFolder: () => downloadFolder, quarantineFolder,
    sleep: async () => undefined, ...options,
  });
  const shown: string[] = [];
  const software = new SoftwareService({ api, downloads, showItemInFolder: (p) => void shown.push(p), downloadFolder: () => ({ folder: downloadFolder, isDefault: true }), pollMs: 20, ...(options.vendorPublicKey ? { vendorPublicKey: options.vendorPublicKey } : {}) });
  downloads.start();
  return {
    dir, db, downloads, software, shown, downloadFolder, quarantineFolder,
    restart: () => {
      db.close();
      return softwareDesktop(apiUrl, token, { ...options, dir });
    },
  };
}
