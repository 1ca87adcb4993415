import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../main/services/api/api-client';
import { runImport } from '../../../main/services/docs/import-job';
import { LibraryStore } from '../../../main/services/docs/library-store';
import { ReaderService } from '../../../main/services/docs/reader-service';
import { docsDb, manifestOf, page, writePackage } from '../../unit/docs/docs-fixtures';

/** Installed topics only: the online service is never asked, so no API client is needed (null stands in). */
let reader: ReaderService;
beforeAll(async () => {
  const { db, dir } = docsDb();
  const install = async (id: string, product: string, version: string, topics: { id: string; title: string; path?: string }[]) => {
    const manifest = manifestOf(topics, { id, product, version, title: `${product} ${version}` });
    manifest.topics = topics.map((t) => ({ id: t.id, title: t.title, file: `topics/${t.id}.html`, ...(t.path ? { path: t.path } : {}) }));
    const files = Object.fromEntries(topics.map((t) => [`topics/${t.id}.html`, page(t.title, `<p>${t.title} in ${version}.</p>`)]));
    await runImport(db, dir, { kind: 'package', file: await writePackage(dir, manifest, files), source: 'package' }, () => undefined);
  };
  await install('widget-1-0-en', 'Widget Server', '1.0', [{ id: 'setup', title: 'Setting up' }, { id: 'legacy', title: 'Legacy mode' }]);
  await install('widget-2-0-en', 'Widget Server', '2.0', [{ id: 'setup', title: 'Setting up' }]);
  // Version 10 renamed the topic but kept its page: found by path.
  await install('widget-10-0-en', 'Widget Server', '10.0', [{ id: 'setup-guide', title: 'Setup guide', path: 'topics/setup.html' }]);
  await install('gadget-1-0-en', 'Gadget', '1.0', [{ id: 'setup', title: 'Setting up' }]);
  reader = new ReaderService(db, new LibraryStore(db, dir), null as unknown as ApiClient);
});

describe('"this topic in version X" (real SQLite index, four installed libraries)', () => {
  it('lists the same topic in the other installed versions of the product, newest first, by id or by path', async () => {
    const topic = await reader.topic({ library: 'widget-2-0-en', topicId: 'setup' });
    expect(topic.otherVersions).toEqual([
      { library: 'widget-10-0-en', version: '10.0', topicId: 'setup-guide' },
      { library: 'widget-1-0-en', version: '1.0', topicId: 'setup' },
    ]);
    expect((await reader.topic({ library: 'widget-10-0-en', topicId: 'setup-guide' })).otherVersions.map((v) => v.version)).toEqual(['2.0', '1.0']);
  });

  it('offers no version that lacks the topic, and nothing from another product', async () => {
    expect((await reader.topic({ library: 'widget-1-0-en', topicId: 'legacy' })).otherVersions).toEqual([]);
    expect((await reader.topic({ library: 'gadget-1-0-en', topicId: 'setup' })).otherVersions).toEqual([]);
  });
});
