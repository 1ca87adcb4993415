import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { Parser } from 'htmlparser2';
import type { CatalogueEntry, Feedback, Manifest, OnlineHit, RemoteTopic } from '../../shared/api/docs';
import { segmentCjk, unsegmentCjk } from '../../shared/cjk-text';

type LibraryRow = { id: string; product: string; version: string; language: string; title: string; topic_count: number; package_size: number; sha256: string; updated_at: number };

const toEntry = (r: LibraryRow): CatalogueEntry => ({
  id: r.id, product: r.product, version: r.version, language: r.language, title: r.title,
  topicCount: r.topic_count, packageSize: r.package_size, sha256: r.sha256, updatedAt: new Date(r.updated_at).toISOString(),
});

/** The docs tables of the reference API: catalogue, packages, online search, topics and feedback. */
export class DocsRepository {
  constructor(private readonly db: Database) {}

  catalogue(): CatalogueEntry[] {
    const rows = this.db.prepare('SELECT id, product, version, language, title, topic_count, package_size, sha256, updated_at FROM doc_libraries ORDER BY product, version').all() as LibraryRow[];
    return rows.map(toEntry);
  }

  packageOf(libraryId: string): { data: Buffer; sha256: string } | undefined {
    return this.db.prepare('SELECT package AS data, sha256 FROM doc_libraries WHERE id = ?').get(libraryId) as { data: Buffer; sha256: string } | undefined;
  }

  /** Stores a library and its topics (replacing an older copy with the same id) in one transaction. */
  putLibrary(manifest: Manifest, topicsHtml: Map<string, string>, pkg: { data: Buffer; sha256: string }): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM doc_topics_fts WHERE library_id = ?').run(manifest.id);
      this.db.prepare('DELETE FROM doc_libraries WHERE id = ?').run(manifest.id);
      this.db
        .prepare('INSERT INTO doc_libraries (id, product, version, language, title, topic_count, package_size, sha256, updated_at, package) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(manifest.id, manifest.product, manifest.version, manifest.language, manifest.title, manifest.topics.length, pkg.data.length, pkg.sha256, Date.parse(manifest.updatedAt), pkg.data);
      const topic = this.db.prepare('INSERT INTO doc_topics (library_id, topic_id, title, html, body_text) VALUES (?, ?, ?, ?, ?)');
      const fts = this.db.prepare('INSERT INTO doc_topics_fts (library_id, topic_id, title, body) VALUES (?, ?, ?, ?)');
      for (const t of manifest.topics) {
        const html = topicsHtml.get(t.id) ?? '';
        const text = textOf(html);
        topic.run(manifest.id, t.id, t.title, html, text);
        fts.run(manifest.id, t.id, segmentCjk(t.title), segmentCjk(text));
      }
    })();
  }

  search(query: string, libraries: string[] | undefined, limit: number): OnlineHit[] {
    // Each typed term quoted (no query syntax from the client reaches FTS5), the last one as a
    // prefix; a term of several words (Chinese characters, "wi-fi") is a phrase of them.
    const terms = query
      .toLowerCase()
      .split(/\s+/)
      .map((term) => segmentCjk(term).match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((words) => words.length > 0);
    if (terms.length === 0) return [];
    const match = terms.map((words, i) => `"${words.join(' ')}"${i === terms.length - 1 ? ' *' : ''}`).join(' AND ');
    const rows = this.db
      .prepare(
        `SELECT doc_topics_fts.library_id, topic_id, doc_topics_fts.title, snippet(doc_topics_fts, 3, '\u0002', '\u0003', '…', 20) AS snippet, bm25(doc_topics_fts, 0, 0, 10, 1) AS score,
                l.title AS library_title, l.product, l.version
         FROM doc_topics_fts JOIN doc_libraries l ON l.id = doc_topics_fts.library_id
         WHERE doc_topics_fts MATCH ? ${libraries?.length ? 'AND doc_topics_fts.library_id IN (SELECT value FROM json_each(?))' : ''}
         ORDER BY score LIMIT ?`,
      )
      .all(...(libraries?.length ? [match, JSON.stringify(libraries), limit] : [match, limit])) as {
      library_id: string; topic_id: string; title: string; snippet: string; score: number; library_title: string; product: string; version: string;
    }[];
    return rows.map((r) => ({
      library: r.library_id, libraryTitle: r.library_title, product: r.product, version: r.version,
      topicId: r.topic_id, title: unsegmentCjk(r.title), snippet: unsegmentCjk(r.snippet), score: Math.round(-r.score * 1000) / 1000,
    }));
  }

  topic(libraryId: string, topicId: string): RemoteTopic | undefined {
    const row = this.db
      .prepare('SELECT t.title, t.html, l.language, l.title AS library_title FROM doc_topics t JOIN doc_libraries l ON l.id = t.library_id WHERE t.library_id = ? AND t.topic_id = ?')
      .get(libraryId, topicId) as { title: string; html: string; language: string; library_title: string } | undefined;
    return row && { library: libraryId, libraryTitle: row.library_title, topicId, title: row.title, html: row.html, language: row.language };
  }

  addFeedback(userId: string, input: { library: string; topicId: string; helpful: boolean; comment: string }, at: number): Feedback {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO doc_feedback (id, user_id, library_id, topic_id, helpful, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, userId, input.library, input.topicId, input.helpful ? 1 : 0, input.comment, at);
    return { id, library: input.library, topicId: input.topicId, helpful: input.helpful, comment: input.comment, createdAt: new Date(at).toISOString() };
  }

  /** Only the caller's own feedback: the user id comes from the token, never from the request. */
  feedbackOf(userId: string): Feedback[] {
    const rows = this.db
      .prepare('SELECT id, library_id, topic_id, helpful, comment, created_at FROM doc_feedback WHERE user_id = ? ORDER BY created_at DESC, id')
      .all(userId) as { id: string; library_id: string; topic_id: string; helpful: number; comment: string; created_at: number }[];
    return rows.map((r) => ({ id: r.id, library: r.library_id, topicId: r.topic_id, helpful: r.helpful === 1, comment: r.comment, createdAt: new Date(r.created_at).toISOString() }));
  }
}

/** The page's text for the server's own index (display always goes through the client's sanitizer). */
export function textOf(html: string): string {
  const parts: string[] = [];
  let skip = 0;
  const parser = new Parser({
    onopentag: (name) => void (/^(script|style|title)$/.test(name) && skip++),
    onclosetag: (name) => void (/^(script|style|title)$/.test(name) && skip--),
    ontext: (text) => void (skip === 0 && parts.push(text)),
  });
  parser.write(html);
  parser.end();
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
