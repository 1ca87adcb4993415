import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/api/api-client';
import { DocsService } from '../../../main/services/docs/docs-service';
import { DownloadManager } from '../../../main/services/downloads';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';

/** The docs service on an air-gapped machine: no API at all, the user's picks from the OS dialogs. */
function airGapped(picks: (string | null)[] | null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-docs-disk-'));
  const db = openLocalDatabase(join(dataDir, 'local.sqlite'));
  const api = new ApiClient({ baseUrl: 'http://127.0.0.1:9', fetch, retries: 0 });
  const downloads = new DownloadManager({ db, fetch, baseUrl: api.baseUrl, getAccessToken: async () => null, downloadFolder: () => dataDir, quarantineFolder: join(dataDir, 'q') });
  const docs = new DocsService({
    db, dataDir, api, downloads, fetch, isOnline: () => false, storageLimitBytes: () => 1e9,
    ...(picks ? { pickPath: async () => picks.shift() ?? null } : {}),
  });
  return { docs, dataDir };
}

describe('import and export through the OS dialogs (air-gapped PCs)', () => {
  it('imports a picked folder, exports it as a package where the user chose, and a cancelled dialog changes nothing', async () => {
    const source = mkdtempSync(join(tmpdir(), 'esd-manual-'));
    mkdirSync(join(source, 'guide'));
    writeFileSync(join(source, 'guide', 'start.html'), '<title>Getting started</title><p>Plug in the appliance.</p>');
    const target = join(source, 'out.esdlib');
    const { docs } = airGapped([source, null, target]);
    const imported = await docs.importFromDisk('folder');
    expect(imported).toMatchObject({ topicCount: 1 });
    expect(await docs.importFromDisk('package')).toBeNull(); // cancelled
    expect(await docs.exportToDisk(imported!.libraryId)).toMatchObject({ file: target, topics: 1 });
    expect(existsSync(target)).toBe(true);

    const other = airGapped([target]).docs;
    expect(await other.importFromDisk('package')).toEqual(imported);
    expect(other.engine.search('plug appliance ')[0]).toMatchObject({ title: 'Getting started' });
    expect((await other.libraries.list()).libraries.map((l) => l.id)).toEqual([imported!.libraryId]); // offline: installed ones still listed
  });

  it('says where to import from when there are no dialogs (the browser preview)', async () => {
    await expect(airGapped(null).docs.importFromDisk('folder')).rejects.toMatchObject({ code: 'validation', message: /npm run docs/ });
  });
});
