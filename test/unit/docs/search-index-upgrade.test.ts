import { describe, expect, it } from 'vitest';
import { DOCS_MIGRATIONS } from '../../../main/services/docs/docs-schema';
import { pendingIndexUpgrades, runIndexUpgrades } from '../../../main/services/docs/index-upgrades';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { applyMigrations } from '../../../main/services/local-db/local-database';
import { databaseBeforeMigration4, docsDb } from './docs-fixtures';

/**
 * A database from before docs migration 2: libraries imported then have no pair or title index and
 * their Chinese text was indexed as whole runs. The upgrade must make them fully searchable
 * without importing them again.
 */
describe('docs migration 2 on libraries imported before it', () => {
  it('builds the pair and title indexes and re-indexes Chinese text character by character', () => {
    const { db } = docsDb.withMigrations(DOCS_MIGRATIONS.filter((m) => m.version === 1));
    db.exec(`
      INSERT INTO docs_installs (id, library_id, product, version, language, title, source, state, updated_at, toc_json, installed_at)
        VALUES (1, 'old-1-0-zh', 'Old', '1.0', 'zh-CN', 'Old', 'package', 'ready', '2026-01-01', '[]', '2026-01-01');
      INSERT INTO docs_topics (install_id, topic_id, ord, title, path, html) VALUES (1, 'bond', 0, '配置网络绑定', 'bond.html', ''), (1, 'fw', 1, 'Firewall rules', 'fw.html', '');
      INSERT INTO docs_records (id, install_id, topic_id, anchor, title, norm_title) VALUES (1, 1, 'bond', '', '配置网络绑定', '配置网络绑定'), (2, 1, 'fw', '', 'Firewall rules', 'firewall rules');
      INSERT INTO docs_fts (rowid, title, headings, body) VALUES (1, '配置网络绑定', '', '网络绑定把多个接口合并为一个逻辑链路。'), (2, 'Firewall rules', '', 'the first match decides whether a packet is dropped');
      INSERT INTO docs_terms (install_id, term, df) VALUES (1, '配置网络绑定', 1), (1, 'firewall', 1), (1, 'rules', 1);
    `);
    // What users of the old index got: the sentence was one token, so its words were not found.
    expect(db.prepare('SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?').all('"逻辑链路"')).toEqual([]);

    expect(applyMigrations(db, 'docs', DOCS_MIGRATIONS)).toEqual([2, ...DOCS_MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version)]);
    // The migrations only made the tables: the re-indexing waits for the import worker.
    expect(pendingIndexUpgrades(db).map((p) => p.version)).toEqual([2, 4]);
    expect(db.prepare('SELECT count(*) FROM docs_pairs').pluck().get()).toBe(0);
    const progress: [number, number][] = [];
    expect(runIndexUpgrades(db, (done, total) => progress.push([done, total]))).toEqual([2, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    expect(pendingIndexUpgrades(db)).toEqual([]);
    const engine = new SearchEngine(db);
    expect(engine.search('逻辑链路').map((h) => h.topicId)).toEqual(['bond']);
    expect(engine.search('配置网络绑定')[0]!.topicId).toBe('bond');
    expect(engine.search('match decides whether')[0]!.topicId).toBe('fw');
    for (const table of ['docs_pairs', 'docs_titles']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(2);
    expect(db.prepare("SELECT norm_title FROM docs_records WHERE id = 1").pluck().get()).toBe('配 置 网 络 绑 定');
    expect(db.prepare("SELECT df FROM docs_terms WHERE term = '链'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM docs_terms WHERE term = '配置网络绑定'").pluck().get()).toBe(0);
  });
});

/**
 * A database from before docs migration 4: version numbers were indexed as separate numbers, long
 * bodies had no span index, and records knew neither their length nor their share of link text.
 */
describe('docs migration 4 on libraries imported before it', () => {
  it('re-indexes version numbers as one word, builds the span index of long bodies and stores link shares from the kept markup', () => {
    const { db, long } = databaseBeforeMigration4();
    expect(applyMigrations(db, 'docs', DOCS_MIGRATIONS)).toEqual(DOCS_MIGRATIONS.filter((m) => m.version >= 4).map((m) => m.version));
    expect(runIndexUpgrades(db)).toEqual([4]);
    const engine = new SearchEngine(db);
    expect(engine.search('"2.4.1"').map((h) => h.topicId).sort()).toEqual(['rel', 'toc']);
    expect(engine.search('release 2.4.1 ')[0]!.topicId).toBe('rel');
    expect(engine.search('2.4.1 crash ')[0]!.snippet).toContain('\u0002crash\u0003 in \u00022.4.1\u0003.');
    const shares = Object.fromEntries(db.prepare('SELECT topic_id, link_share FROM docs_records').raw().all() as [string, number][]);
    expect(shares).toEqual({ rel: 0, toc: 1, big: 0 });
    const before = engine.textCharsRead;
    const [hit] = engine.search('nebula lantern ');
    expect(hit).toMatchObject({ topicId: 'big' });
    expect(hit!.snippet).toContain('\u0002nebula\u0003 \u0002lantern\u0003');
    expect(engine.textCharsRead - before).toBeLessThan(long.length / 2);
    expect(db.prepare("SELECT count(*) FROM docs_terms WHERE term = '2\uA78F4\uA78F1'").pluck().get()).toBe(1);
  });
});

describe('an index upgrade stopped part-way', () => {
  it('commits page by page and resumes where it stopped, ending with the same index', () => {
    const { db } = databaseBeforeMigration4();
    const record = db.prepare("INSERT INTO docs_records (id, install_id, topic_id, anchor, title, norm_title) VALUES (?, 1, 'rel', ?, ?, ?)");
    const fts = db.prepare("INSERT INTO docs_fts (rowid, title, headings, body) VALUES (?, ?, '', 'filler text of version 1.0')");
    db.transaction(() => {
      for (let id = 4; id < 2504; id++) {
        record.run(id, `s${id}`, `Section ${id}`, `section ${id}`);
        fts.run(id, `Section ${id}`);
      }
    })();
    applyMigrations(db, 'docs', DOCS_MIGRATIONS);

    // The app quits after the first page (2,000 records) was written.
    const stop = new Error('quit');
    expect(() => runIndexUpgrades(db, (done) => { if (done > 2000) throw stop; })).toThrow(stop);
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT after_record FROM docs_index_upgrades WHERE version = 4').pluck().get()).toBe(2000);

    const seen: number[] = [];
    expect(runIndexUpgrades(db, (done) => seen.push(done))).toEqual([4]);
    expect(seen[0]).toBe(2503); // the first page was not done again
    expect(pendingIndexUpgrades(db)).toEqual([]);
    const engine = new SearchEngine(db);
    expect(engine.search('"2.4.1"').map((h) => h.topicId).sort()).toEqual(['rel', 'toc']);
    expect(engine.search('"1.0"').length).toBeGreaterThan(0);
    expect(db.prepare("SELECT count(*) FROM docs_terms WHERE term = '1\uA78F0'").pluck().get()).toBe(1);
  });
});
