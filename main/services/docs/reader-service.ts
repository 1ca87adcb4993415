import type Database from 'better-sqlite3';
import { RemoteTopicSchema, type TocNode } from '../../../shared/api/docs';
import type { SavedScope, TopicView } from '../../../shared/contract/docs-contract';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../api/api-client';
import type { LibraryStore } from './library-store';

type TopicRow = { topic_id: string; title: string; path: string; html: string; ord: number; install_id: number };
const HISTORY_KEEP = 200;
type LibraryTitled<T> = T & { library_id: string; library_title: string; topic_id: string; title: string };
/** The installed library's own title when there is one (it may have been renamed by an update), else the one kept with the row. */
const LIBRARY_TITLE = (table: string) =>
  `COALESCE((SELECT i.title FROM docs_installs i WHERE i.library_id = ${table}.library_id AND i.state = 'ready'), ${table}.library_title) AS library_title`;

/**
 * What the reader needs: topics (installed ones offline, others from the online service), the
 * table of contents, previous/next, bookmarks, history and saved search scopes.
 */
export class ReaderService {
  constructor(
    private readonly db: Database.Database,
    private readonly store: LibraryStore,
    private readonly api: ApiClient,
  ) {}

  async topic(input: { library: string; topicId: string } | { library: string; path: string }): Promise<TopicView> {
    const install = this.store.readyInstall(input.library);
    if (!install) {
      if (!('topicId' in input)) throw new AppError('not_found', 'This library is not installed.');
      const remote = await this.api.request({ method: 'GET', path: `/docs/libraries/${encodeURIComponent(input.library)}/topics/${encodeURIComponent(input.topicId)}`, schema: RemoteTopicSchema });
      const libraryTitle = remote.libraryTitle ?? '';
      this.recordView(input.library, remote.topicId, remote.title, libraryTitle);
      return { ...remote, libraryTitle, path: `${remote.topicId}.html`, source: 'online', assetBase: null, prev: null, next: null, bookmarked: this.isBookmarked(input.library, remote.topicId), otherVersions: [] };
    }
    const row = (
      'topicId' in input
        ? this.db.prepare('SELECT topic_id, title, path, html, ord, install_id FROM docs_topics WHERE install_id = ? AND topic_id = ?').get(install.id, input.topicId)
        : this.db.prepare('SELECT topic_id, title, path, html, ord, install_id FROM docs_topics WHERE install_id = ? AND path = ?').get(install.id, input.path)
    ) as TopicRow | undefined;
    if (!row) throw new AppError('not_found', 'This topic is not in the library.');
    const neighbour = (sql: string) => {
      const n = this.db.prepare(sql).get(install.id, row.ord) as { topic_id: string; title: string } | undefined;
      return n ? { topicId: n.topic_id, title: n.title } : null;
    };
    this.recordView(input.library, row.topic_id, row.title, install.title);
    return {
      library: input.library,
      libraryTitle: install.title,
      language: install.language,
      topicId: row.topic_id,
      title: row.title,
      html: row.html,
      path: row.path,
      source: 'local',
      assetBase: `/docs-assets/${input.library}/`,
      prev: neighbour('SELECT topic_id, title FROM docs_topics WHERE install_id = ? AND ord < ? ORDER BY ord DESC LIMIT 1'),
      next: neighbour('SELECT topic_id, title FROM docs_topics WHERE install_id = ? AND ord > ? ORDER BY ord LIMIT 1'),
      bookmarked: this.isBookmarked(input.library, row.topic_id),
      otherVersions: this.otherVersions(install, row),
    };
  }

  /**
   * "This topic in version X": other installed versions of the same product (and language) that
   * have this topic, by topic id or else by path (a folder import names topics after their files).
   */
  private otherVersions(install: { id: number; product: string; language: string }, row: TopicRow): TopicView['otherVersions'] {
    const rows = this.db
      .prepare(
        `SELECT i.library_id, i.version, COALESCE(
           (SELECT t.topic_id FROM docs_topics t WHERE t.install_id = i.id AND t.topic_id = ?),
           (SELECT t.topic_id FROM docs_topics t WHERE t.install_id = i.id AND t.path = ?)) AS topic_id
         FROM docs_installs i WHERE i.state = 'ready' AND i.product = ? AND i.language = ? AND i.id != ?`,
      )
      .all(row.topic_id, row.path, install.product, install.language, install.id) as { library_id: string; version: string; topic_id: string | null }[];
    return rows
      .filter((r) => r.topic_id !== null)
      .map((r) => ({ library: r.library_id, version: r.version, topicId: r.topic_id! }))
      .sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }));
  }

  toc(library: string): { library: string; title: string; toc: TocNode[] } {
    const install = this.store.readyInstall(library);
    if (!install) throw new AppError('not_found', 'This library is not installed.');
    return { library, title: install.title, toc: JSON.parse(install.toc_json) as TocNode[] };
  }

  bookmarks() {
    const rows = this.db.prepare(`SELECT b.library_id, ${LIBRARY_TITLE('b')}, b.topic_id, b.title, b.created_at FROM docs_bookmarks b ORDER BY b.created_at DESC`).all() as LibraryTitled<{ created_at: string }>[];
    return rows.map((r) => ({ library: r.library_id, libraryTitle: r.library_title, topicId: r.topic_id, title: r.title, createdAt: r.created_at }));
  }

  setBookmark(input: { library: string; topicId: string; title: string; libraryTitle?: string | undefined; bookmarked: boolean }): void {
    if (input.bookmarked) {
      this.db
        .prepare('INSERT OR REPLACE INTO docs_bookmarks (library_id, topic_id, title, library_title, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.library, input.topicId, input.title, input.libraryTitle ?? '', new Date().toISOString());
    } else this.db.prepare('DELETE FROM docs_bookmarks WHERE library_id = ? AND topic_id = ?').run(input.library, input.topicId);
  }

  history() {
    const rows = this.db.prepare(`SELECT h.library_id, ${LIBRARY_TITLE('h')}, h.topic_id, h.title, h.viewed_at FROM docs_history h ORDER BY h.id DESC LIMIT 50`).all() as LibraryTitled<{ viewed_at: string }>[];
    return rows.map((r) => ({ library: r.library_id, libraryTitle: r.library_title, topicId: r.topic_id, title: r.title, viewedAt: r.viewed_at }));
  }

  clearHistory(): void {
    this.db.prepare('DELETE FROM docs_history').run();
  }

  scopes(): SavedScope[] {
    const rows = this.db.prepare('SELECT id, name, libraries_json FROM docs_scopes ORDER BY name').all() as { id: number; name: string; libraries_json: string }[];
    return rows.map((r) => ({ id: r.id, name: r.name, libraries: JSON.parse(r.libraries_json) as string[] }));
  }

  saveScope(input: { name: string; libraries: string[] }): SavedScope {
    const row = this.db
      .prepare('INSERT INTO docs_scopes (name, libraries_json) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET libraries_json = excluded.libraries_json RETURNING id')
      .get(input.name, JSON.stringify(input.libraries)) as { id: number };
    return { id: row.id, name: input.name, libraries: input.libraries };
  }

  deleteScope(id: number): void {
    if (this.db.prepare('DELETE FROM docs_scopes WHERE id = ?').run(id).changes === 0) throw new AppError('not_found', 'This search scope no longer exists.');
  }

  private isBookmarked(library: string, topicId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM docs_bookmarks WHERE library_id = ? AND topic_id = ?').get(library, topicId));
  }

  private recordView(library: string, topicId: string, title: string, libraryTitle: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM docs_history WHERE library_id = ? AND topic_id = ?').run(library, topicId);
      this.db.prepare('INSERT INTO docs_history (library_id, topic_id, title, library_title, viewed_at) VALUES (?, ?, ?, ?, ?)').run(library, topicId, title, libraryTitle, new Date().toISOString());
      this.db.prepare('DELETE FROM docs_history WHERE id NOT IN (SELECT id FROM docs_history ORDER BY id DESC LIMIT ?)').run(HISTORY_KEEP);
    })();
  }
}
