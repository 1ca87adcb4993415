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
