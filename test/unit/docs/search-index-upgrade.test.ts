import { describe, expect, it } from 'vitest';
import { DOCS_MIGRATIONS } from '../../../main/services/docs/docs-schema';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { applyMigrations } from '../../../main/services/local-db/local-database';
import { docsDb } from './docs-fixtures';

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
    const { db } = docsDb.withMigrations(DOCS_MIGRATIONS.filter((m) => m.version <= 3));
    const long = `${Array.from({ length: 2000 }, (_, i) => `word${i % 300}`).join(' ')} ends with nebula lantern`;
    const links = '<ul><li><a href="a.html">Release 2.4.1</a></li><li><a href="b.html">Release 1.2.4</a></li></ul>';
    db.prepare(`INSERT INTO docs_installs (id, library_id, product, version, language, title, source, state, updated_at, toc_json, installed_at)
      VALUES (1, 'old-1-0-en', 'Old', '1.0', 'en', 'Old', 'package', 'ready', '2026-01-01', '[]', '2026-01-01')`).run();
    const topic = db.prepare('INSERT INTO docs_topics (install_id, topic_id, ord, title, path, html) VALUES (1, ?, ?, ?, ?, ?)');
    topic.run('rel', 0, 'Release 2.4.1', 'rel.html', '<p>Fixes a crash in 2.4.1.</p>');
    topic.run('toc', 1, 'Releases', 'toc.html', links);
    topic.run('big', 2, 'Big page', 'big.html', `<p>${long}</p>`);
    const record = db.prepare("INSERT INTO docs_records (id, install_id, topic_id, anchor, title, norm_title) VALUES (?, 1, ?, '', ?, ?)");
    const fts = db.prepare("INSERT INTO docs_fts (rowid, title, headings, body) VALUES (?, ?, '', ?)");
    for (const [id, topicId, title, body] of [[1, 'rel', 'Release 2.4.1', 'Fixes a crash in 2.4.1.'], [2, 'toc', 'Releases', 'Release 2.4.1 Release 1.2.4'], [3, 'big', 'Big page', long]] as const) {
      record.run(id, topicId, title, title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim());
      fts.run(id, title, body);
      db.prepare('INSERT INTO docs_pairs (rowid, pairs) VALUES (?, ?)').run(id, '');
      db.prepare('INSERT INTO docs_titles (rowid, title, headings) VALUES (?, ?, ?)').run(id, title, '');
    }

    expect(applyMigrations(db, 'docs', DOCS_MIGRATIONS)).toEqual(DOCS_MIGRATIONS.filter((m) => m.version >= 4).map((m) => m.version));
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
