import type Database from 'better-sqlite3';
import type { TocNode } from '../../../shared/api/docs';
import type { ExtractedSection } from './html-extract';
import { deleteSearchRows, optimizeSearchIndexes, SearchIndexWriter } from './search-index';
import { indexText, normalizeTitle } from './text';

export interface LibraryMeta {
  libraryId: string;
  product: string;
  version: string;
  language: string;
  title: string;
  source: 'catalogue' | 'package' | 'folder';
  sha256?: string | undefined;
  updatedAt: string;
  toc: TocNode[];
  packageBytes?: number | undefined;
}

export interface TopicInput {
  topicId: string;
  title: string;
  path: string;
  html: string;
  sections: ExtractedSection[];
}

const BATCH = 400;
/**
 * A batch is also written once its pages hold this many characters of markup and text: a manual of
 * rendered source files (pages of 1-5 MB) would otherwise hold hundreds of MB in one batch.
 */
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Writes one install of a library. Rows are committed in small batches so other domains' writes
 * are never blocked for long, but the install stays 'importing' (invisible to search) until
 * finish() marks it ready and removes the previous install of the same library in one transaction.
 */
export class LibraryWriter {
  readonly installId: number;
  private readonly terms = new Map<string, number>();
  private pending: TopicInput[] = [];
  private pendingChars = 0;
  private ord = 0;
  private textBytes = 0;
  private readonly insertTopic: Database.Statement;
  private readonly insertRecord: Database.Statement;
  private readonly index: SearchIndexWriter;

  constructor(
    private readonly db: Database.Database,
    private readonly meta: LibraryMeta,
  ) {
    const row = db
      .prepare(
        `INSERT INTO docs_installs (library_id, product, version, language, title, source, state, sha256, updated_at, toc_json, package_bytes, installed_at)
         VALUES (?, ?, ?, ?, ?, ?, 'importing', ?, ?, ?, ?, ?)`,
      )
      .run(meta.libraryId, meta.product, meta.version, meta.language, meta.title, meta.source, meta.sha256 ?? null, meta.updatedAt, JSON.stringify(meta.toc), meta.packageBytes ?? 0, new Date().toISOString());
    this.installId = Number(row.lastInsertRowid);
    this.insertTopic = db.prepare('INSERT INTO docs_topics (install_id, topic_id, ord, title, path, html) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertRecord = db.prepare('INSERT INTO docs_records (install_id, topic_id, anchor, title, norm_title, body_chars, link_share) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.index = new SearchIndexWriter(db);
  }

  add(topic: TopicInput): void {
    this.pending.push(topic);
    this.pendingChars += topic.html.length + topic.sections.reduce((n, s) => n + s.text.length, 0);
    if (this.pending.length >= BATCH || this.pendingChars >= BATCH_CHARS) this.flush();
  }

  flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    this.db.transaction(() => {
      for (const topic of batch) this.write(topic);
    })();
  }

  private write(topic: TopicInput): void {
    this.insertTopic.run(this.installId, topic.topicId, this.ord++, topic.title, topic.path, topic.html);
    const seen = new Set<string>();
    for (const section of topic.sections) {
      const body = indexText(section.text);
      const id = this.insertRecord.run(this.installId, topic.topicId, section.anchor, section.title, normalizeTitle(section.title), body.length, section.linkShare).lastInsertRowid;
      const fields = this.index.add(id, section.title, section.headings, body);
      this.textBytes += section.text.length + section.title.length;
      for (const words of fields) for (const term of words) seen.add(term);
    }
    for (const term of seen) this.terms.set(term, (this.terms.get(term) ?? 0) + 1);
  }

  /** Makes the install searchable and retires older installs of the same library; returns their ids (for their files). */
  finish(assetBytes: number): number[] {
    this.flush();
    const insertTerm = this.db.prepare('INSERT INTO docs_terms (install_id, term, df) VALUES (?, ?, ?)');
    const entries = [...this.terms];
    for (let i = 0; i < entries.length; i += 5000) {
      this.db.transaction(() => {
        for (const [term, df] of entries.slice(i, i + 5000)) insertTerm.run(this.installId, term, df);
      })();
    }
    const retired = this.db.transaction(() => {
      const old = (
        this.db.prepare("SELECT id FROM docs_installs WHERE library_id = ? AND id <> ? AND state = 'ready'").all(this.meta.libraryId, this.installId) as { id: number }[]
      ).map((r) => r.id);
      for (const id of old) deleteInstallRows(this.db, id);
      this.db
        .prepare("UPDATE docs_installs SET state = 'ready', topic_count = ?, text_bytes = ?, asset_bytes = ? WHERE id = ?")
        .run(this.ord, this.textBytes, assetBytes, this.installId);
      return old;
    })();
    optimizeSearchIndexes(this.db);
    return retired;
  }

  abort(): void {
    this.pending = [];
    this.pendingChars = 0;
    this.db.transaction(() => deleteInstallRows(this.db, this.installId))();
  }
}

/** Deletes every row of one install (call inside a transaction). */
export function deleteInstallRows(db: Database.Database, installId: number): void {
  deleteSearchRows(db, installId);
  db.prepare('DELETE FROM docs_records WHERE install_id = ?').run(installId);
  db.prepare('DELETE FROM docs_terms WHERE install_id = ?').run(installId);
  db.prepare('DELETE FROM docs_topics WHERE install_id = ?').run(installId);
  db.prepare('DELETE FROM docs_installs WHERE id = ?').run(installId);
}
