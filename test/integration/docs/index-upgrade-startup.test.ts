import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/api/api-client';
import { DocsService } from '../../../main/services/docs/docs-service';
import { pendingIndexUpgrades } from '../../../main/services/docs/index-upgrades';
import { DownloadManager } from '../../../main/services/downloads';
import { databaseBeforeMigration4 } from '../../unit/docs/docs-fixtures';

/**
 * Docs migrations re-index the libraries already installed. On a large library that takes minutes,
 * so the app must not do it while it starts: the DocsService (built at startup, on the main thread)
 * only makes tables, and start() hands the re-indexing to the import worker. Real SQLite file, real
 * worker thread; the service is offline (no request is made).
 */
describe('search index upgrades after the window is shown', () => {
  it('leaves the re-indexing out of startup, answers searches meanwhile saying an upgrade is under way, and searches the upgraded index after it', async () => {
    const { db, dir } = databaseBeforeMigration4();
    const offline = 'http://127.0.0.1:9';
    const docs = new DocsService({
      db, dataDir: dir, fetch, isOnline: () => false, storageLimitBytes: () => 1024 ** 3,
      api: new ApiClient({ baseUrl: offline, fetch, getAccessToken: async () => null, retries: 0 }),
      downloads: new DownloadManager({ db, fetch, baseUrl: offline, getAccessToken: async () => null, downloadFolder: () => join(dir, 'downloads'), quarantineFolder: join(dir, 'quarantine') }),
    });
    const search = (query: string) => docs.search({ query, limit: 10, includeOnline: false });

    // Startup (the constructor ran migration 4) left the re-indexing pending: nothing was rewritten.
    expect(pendingIndexUpgrades(db).map((p) => p.version)).toEqual([4]);
    expect(db.prepare("SELECT link_share FROM docs_records WHERE topic_id = 'toc'").pluck().get()).toBe(0);

    const started = docs.start();
    // start() returned without doing it either: it runs in the worker while this thread answers.
    expect(pendingIndexUpgrades(db).map((p) => p.version)).toEqual([4]);
    const during = await search('crash');
    expect(during.hits.map((h) => h.topicId)).toEqual(['rel']);
    expect(during.indexUpgrade).not.toBeNull();

    await Promise.all([started, docs.upgradeIndexes()]);
    expect(pendingIndexUpgrades(db)).toEqual([]);
    const after = await search('"2.4.1"');
    expect(after.indexUpgrade).toBeNull();
    // Version numbers are one word now, and the page of links learned its link share.
    expect(after.hits.map((h) => h.topicId).sort()).toEqual(['rel', 'toc']);
    expect((await search('release 2.4.1 ')).hits[0]!.topicId).toBe('rel');
    expect(db.prepare("SELECT link_share FROM docs_records WHERE topic_id = 'toc'").pluck().get()).toBe(1);
    expect((await search('nebula lantern')).hits[0]!.snippet).toContain('\u0002nebula\u0003 \u0002lantern\u0003');
    docs.dispose();
    db.close();
  });
});
