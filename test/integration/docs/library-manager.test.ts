import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/api/api-client';
import { DocsService } from '../../../main/services/docs/docs-service';
import { DownloadManager } from '../../../main/services/downloads';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from '../server/helpers';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)).access_token;
});
afterAll(() => api.close());

/** The docs service wired as main/compose.ts wires it, against the live reference API and a real SQLite file. */
function desktop(options: { limitMb?: number; online?: () => boolean; startQueue?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-docs-'));
  const db = openLocalDatabase(join(dataDir, 'local.sqlite'));
  const userApi = new ApiClient({ baseUrl: api.url, fetch, getAccessToken: async () => token, retries: 0 });
  const downloads = new DownloadManager({
    db, fetch, baseUrl: api.url, getAccessToken: async () => token, downloadFolder: () => join(dataDir, 'downloads'), quarantineFolder: join(dataDir, 'quarantine'),
  });
  const docs = new DocsService({
    db, dataDir, api: userApi, downloads, fetch, isOnline: options.online ?? (() => true), storageLimitBytes: () => (options.limitMb ?? 5120) * 1024 * 1024,
  });
  if (options.startQueue !== false) downloads.start();
  return { docs, downloads, db, dataDir };
}

async function installed(app: ReturnType<typeof desktop>, libraryId: string) {
  const done = new Promise<void>((resolve) => {
    const off = app.docs.libraries.onDidChange.on(async () => {
      const list = await app.docs.libraries.list();
      const library = list.libraries.find((l) => l.id === libraryId);
      if (library?.state === 'installed' || library?.state === 'failed') {
        off();
        resolve();
      }
    });
  });
  await app.docs.libraries.install(libraryId);
  await done;
  return (await app.docs.libraries.list()).libraries.find((l) => l.id === libraryId)!;
}

describe('library manager against the live reference API', () => {
  it('a Chinese library downloads, imports and answers Chinese searches offline, and the reader gives its language', async () => {
    const app = desktop();
    expect(await installed(app, 'contoso-storage-4-0-zh')).toMatchObject({ state: 'installed', title: 'Contoso 存储阵列 4.0 文档' });
    const hits = (await app.docs.search({ query: '创建快照', limit: 10, includeOnline: false })).hits;
    expect(hits[0]).toMatchObject({ library: 'contoso-storage-4-0-zh', title: '创建快照', source: 'local' });
    expect(hits[0]!.snippet).toContain('\u0002创建快照\u0003');
    // A word inside a sentence, with no spaces around it.
    expect((await app.docs.search({ query: '管理控制台', limit: 10, includeOnline: false })).hits.length).toBeGreaterThan(0);
    expect(await app.docs.reader.topic({ library: 'contoso-storage-4-0-zh', topicId: hits[0]!.topicId })).toMatchObject({ title: '创建快照', language: 'zh-CN' });
    // Online, a library not installed answers in its own language too.
    expect(await app.docs.reader.topic({ library: 'contoso-storage-3-2-en', topicId: 'creating-snapshot' })).toMatchObject({ source: 'online', language: 'en' });
  });

  it('lists the catalogue, downloads a library with its checksum checked, imports it and searches it offline', async () => {
    const app = desktop();
    const before = await app.docs.libraries.list();
    expect(before.catalogueOnline).toBe(true);
    expect(before.libraries.find((l) => l.id === 'contoso-storage-4-0-en')).toMatchObject({ state: 'available', diskBytes: 0 });

    const library = await installed(app, 'contoso-storage-4-0-en');
    expect(library).toMatchObject({ state: 'installed', source: 'catalogue', problem: null });
    expect(library.diskBytes).toBeGreaterThan(0);

    const result = await app.docs.search({ query: 'creating snapshto', limit: 10, includeOnline: false });
    expect(result.hits[0]).toMatchObject({ library: 'contoso-storage-4-0-en', title: 'Creating snapshot', source: 'local' });
    const topic = await app.docs.reader.topic({ library: 'contoso-storage-4-0-en', topicId: result.hits[0]!.topicId });
    expect(topic).toMatchObject({ title: 'Creating snapshot', source: 'local', assetBase: '/docs-assets/contoso-storage-4-0-en/' });
    expect(topic.prev).not.toBeNull();
    const image = /src="\.\.\/(images\/[^"]+)"/.exec(topic.html)![1]!;
    expect(await app.docs.resolveAsset(`/docs-assets/contoso-storage-4-0-en/${image}`)).toMatchObject({ type: 'image/svg+xml' });
    for (const attack of ['/docs-assets/contoso-storage-4-0-en/../../local.sqlite', '/docs-assets/contoso-storage-4-0-en/%2e%2e/%2e%2e/local.sqlite', '/docs-assets/..%2f/x', '/docs-assets/contoso-storage-4-0-en/images%5c..%5c..%5clocal.sqlite']) {
      expect(await app.docs.resolveAsset(attack)).toBeNull();
    }

    // Merged online results come only from libraries that are not installed, marked as online.
    const merged = await app.docs.search({ query: 'configuring tenant', limit: 10, includeOnline: true });
    expect(merged.onlineIncluded).toBe(true);
    expect(merged.hits.filter((h) => h.source === 'online').every((h) => h.library !== 'contoso-storage-4-0-en')).toBe(true);
    expect(merged.hits.some((h) => h.source === 'online' && h.library.startsWith('fabrikam-gateway'))).toBe(true);

    await app.docs.libraries.remove('contoso-storage-4-0-en');
    expect((await app.docs.search({ query: 'snapshot', limit: 10, includeOnline: false })).hits).toEqual([]);
    expect(await app.docs.resolveAsset(`/docs-assets/contoso-storage-4-0-en/${image}`)).toBeNull();
  });

  it('refuses a download that would pass the storage limit, saying how much is needed', async () => {
    const app = desktop({ limitMb: 100 });
    const list = await app.docs.libraries.list();
    expect(list.storageLimitBytes).toBe(100 * 1024 * 1024);
    app.db.prepare("INSERT INTO docs_installs (library_id, product, version, language, title, source, state, updated_at, toc_json, text_bytes, installed_at) VALUES ('big-local', 'Big', '1', 'en', 'Big', 'folder', 'ready', '2026-01-01', '[]', 60000000, '2026-01-01')").run();
    await expect(app.docs.libraries.install('northwind-router-7-1-en')).rejects.toMatchObject({ code: 'storage', message: expect.stringMatching(/needs about .* storage limit/) });
  });

  it('FAILs a package whose checksum is not the catalogue\'s, and gives the screen the code and both checksums', async () => {
    const app = desktop();
    const id = 'northwind-router-7-1-en';
    const { sha256 } = api.app.db.prepare('SELECT sha256 FROM doc_libraries WHERE id = ?').get(id) as { sha256: string };
    api.app.db.prepare('UPDATE doc_libraries SET sha256 = ? WHERE id = ?').run('f'.repeat(64), id);
    try {
      const library = await installed(app, id);
      expect(library).toMatchObject({ state: 'failed', problem: /SHA-256 checksum does not match/ });
      expect(library.problemReason).toEqual({ code: 'sha256-mismatch', expected: 'f'.repeat(64), actual: sha256 });
    } finally {
      api.app.db.prepare('UPDATE doc_libraries SET sha256 = ? WHERE id = ?').run(sha256, id);
    }
  });

  it('keeps bookmarks, history and saved scopes in the local database', async () => {
    const app = desktop();
    await installed(app, 'fabrikam-gateway-2-0-en');
    const topic = await app.docs.reader.topic({ library: 'fabrikam-gateway-2-0-en', topicId: 'configuration' });
    app.docs.reader.setBookmark({ library: topic.library, topicId: topic.topicId, title: topic.title, bookmarked: true });
    expect(app.docs.reader.bookmarks()).toMatchObject([{ topicId: 'configuration', title: 'Configuration' }]);
    expect((await app.docs.reader.topic({ library: topic.library, topicId: 'configuration' })).bookmarked).toBe(true);
    expect(app.docs.reader.history()[0]).toMatchObject({ topicId: 'configuration' });
    const scope = app.docs.reader.saveScope({ name: 'Gateway', libraries: ['fabrikam-gateway-2-0-en'] });
    expect(app.docs.reader.scopes()).toEqual([scope]);
    const scoped = await app.docs.search({ query: 'configuring', scope: { libraries: scope.libraries }, limit: 5, includeOnline: false });
    expect(scoped.hits.every((h) => h.library === 'fabrikam-gateway-2-0-en')).toBe(true);
    expect((await app.docs.search({ query: 'configuring', scope: { libraries: ['contoso-storage-3-2-en'] }, limit: 5, includeOnline: false })).hits).toEqual([]);
  });
});

describe('what a person reads in the results', () => {
  it('every hit carries its breadcrumb: library title, page and section, so five "Parameters" sections can be told apart', async () => {
    const app = desktop();
    await installed(app, 'northwind-router-7-1-en');
    await installed(app, 'northwind-router-7-0-en');
    const { hits } = await app.docs.search({ query: 'parameters', limit: 100, includeOnline: false });
    const sections = hits.filter((h) => h.title === 'Parameters');
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const hit of sections) {
      expect(hit.anchor).not.toBe('');
      expect(hit.pageTitle).not.toBe('Parameters');
      expect(hit.libraryTitle).toMatch(/^Northwind Router OS 7\.[01] /);
    }
    // Page and library together name each one: no two hits read the same.
    const crumbs = sections.map((h) => `${h.libraryTitle} > ${h.pageTitle} > ${h.title}`);
    expect(new Set(crumbs).size).toBe(crumbs.length);
    expect(new Set(sections.map((h) => h.libraryTitle)).size).toBe(2);
  });

  it('online hits and pages read online carry their library title, and so do their bookmarks, never the library id', async () => {
    const app = desktop();
    const { hits } = await app.docs.search({ query: 'configuring tenant', limit: 10, includeOnline: true });
    const online = hits.filter((h) => h.source === 'online');
    expect(online.length).toBeGreaterThan(0);
    for (const hit of online) {
      expect(hit.libraryTitle).toMatch(/^Fabrikam Cloud Gateway \d/);
      expect(hit.version).not.toBe('');
    }
    const topic = await app.docs.reader.topic({ library: online[0]!.library, topicId: online[0]!.topicId });
    expect(topic).toMatchObject({ source: 'online', libraryTitle: online[0]!.libraryTitle });
    app.docs.reader.setBookmark({ library: topic.library, topicId: topic.topicId, title: topic.title, libraryTitle: topic.libraryTitle, bookmarked: true });
    expect(app.docs.reader.bookmarks()[0]).toMatchObject({ library: topic.library, libraryTitle: online[0]!.libraryTitle });
    expect(app.docs.reader.history()[0]).toMatchObject({ library: topic.library, libraryTitle: online[0]!.libraryTitle });
  });

  it('says how many results there are in all, and the query as searched when a typo was corrected', async () => {
    const app = desktop();
    await installed(app, 'contoso-storage-4-0-en');
    const page = await app.docs.search({ query: 'snapshot', limit: 5, includeOnline: false });
    expect(page.hits).toHaveLength(5);
    const all = await app.docs.search({ query: 'snapshot', limit: 100, includeOnline: false });
    expect(page.total).toBe(all.hits.length);
    expect(page.total).toBeGreaterThan(5);
    expect(page.correctedQuery).toBeNull();
    expect((await app.docs.search({ query: 'creating snapshto', limit: 5, includeOnline: false })).correctedQuery).toBe('creating snapshot');
    expect((await app.docs.search({ query: 'configurng replication', limit: 5, includeOnline: false })).correctedQuery).toBe('configuring replication');
  });

  it('a remote image that fails names its host (a third party, not the support service), whether it cannot be reached or is not an image', async () => {
    const app = desktop();
    // A port nothing listens on: the connection is refused, as with no internet.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(app.docs.remoteImage(`http://127.0.0.1:${port}/badge.png`)).rejects.toMatchObject({ code: 'offline', message: `127.0.0.1:${port} could not be reached.` });
    // A real server that answers with a page instead of an image.
    const page = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>tracking</p>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(page.address() as AddressInfo).port}`;
    try {
      await expect(app.docs.remoteImage(`http://${host}/badge.png`)).rejects.toMatchObject({ code: 'validation', message: `${host} did not send an image this app shows.` });
    } finally {
      await new Promise((resolve) => page.close(resolve));
    }
  });

  it("runs the README's Chinese search examples on the demo data: the first finds sentences, the second (characters apart) nothing", async () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const paragraph = readme.slice(readme.indexOf('**Chinese and Japanese**'), readme.indexOf('shared/cjk-text.ts'));
    const [found, apart] = [...paragraph.matchAll(/`([\p{Script=Han}]+)`/gu)].map((m) => m[1]!);
    expect(found && apart).toBeTruthy();
    const app = desktop();
    await installed(app, 'contoso-storage-4-0-zh');
    const hits = (await app.docs.search({ query: found!, limit: 10, includeOnline: false })).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.snippet).toContain(`\u0002${found}\u0003`);
    expect((await app.docs.search({ query: apart!, limit: 10, includeOnline: false })).hits).toEqual([]);
    // Both characters pairs of the second example are in the library, only never side by side.
    // The README says why: its characters are all in the pages the first example finds, only not side by side.
    const html = (await app.docs.reader.topic({ library: hits[0]!.library, topicId: hits[0]!.topicId })).html;
    for (const half of [apart!.slice(0, 2), apart!.slice(2)]) expect(html).toContain(half);
    expect(html).not.toContain(apart);
  });
});

describe('downloads that outlive the app', () => {
  it('a paused library download resumes in the next run of the app and is imported there', async () => {
    // The first run stops before its queue starts, so the pause lands before any byte arrives.
    const first = desktop({ startQueue: false });
    await first.docs.libraries.install('northwind-router-7-0-en');
    await first.docs.libraries.pause('northwind-router-7-0-en');
    expect((await first.docs.libraries.list()).libraries.find((l) => l.id === 'northwind-router-7-0-en')).toMatchObject({ state: 'paused' });
    first.docs.dispose();
    await first.downloads.dispose();

    // The next run: same data folder and database, new services.
    const db = first.db;
    const userApi = new ApiClient({ baseUrl: api.url, fetch, getAccessToken: async () => token, retries: 0 });
    const downloads = new DownloadManager({ db, fetch, baseUrl: api.url, getAccessToken: async () => token, downloadFolder: () => join(first.dataDir, 'downloads'), quarantineFolder: join(first.dataDir, 'quarantine') });
    const docs = new DocsService({ db, dataDir: first.dataDir, api: userApi, downloads, fetch, isOnline: () => true, storageLimitBytes: () => 5e9 });
    downloads.start();
    await docs.start();
    const done = new Promise<void>((resolve) => docs.libraries.onDidChange.on(() => void docs.libraries.list().then((l) => l.libraries.find((x) => x.id === 'northwind-router-7-0-en')?.state === 'installed' && resolve())));
    await docs.libraries.resume('northwind-router-7-0-en');
    await done;
    expect(docs.engine.search('configuring firewall rule ')[0]).toMatchObject({ library: 'northwind-router-7-0-en', title: 'Configuring firewall rule' });
  });
});
