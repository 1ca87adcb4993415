import { FeedbackInputSchema, LIBRARY_ID_PATTERN, OnlineSearchResultSchema, type FeedbackInput } from '../../../shared/api/docs';
import type { NetworkStatus, SessionState } from '../../../shared/contract';
import type { SearchResult } from '../../../shared/contract/docs-contract';
import { AppError, validationError } from '../../../shared/errors';
import type { ApiClient, FetchLike } from '../api/api-client';
import type { DownloadManager } from '../downloads';
import { Emitter } from '../emitter';
import { applyMigrations, databaseKeyOf, type LocalDatabase } from '../local-db/local-database';
import { mimeType, resolveInside } from '../../security/static-files';
import { DOCS_MIGRATIONS } from './docs-schema';
import { FeedbackOutbox, type FeedbackOutboxOptions, type FeedbackRefusal } from './feedback-outbox';
import { PDF } from './folder-reader';
import { assetDirFor, type ImportJob, type ImportResult } from './import-job';
import { importInWorker, upgradeInWorker } from './importer';
import { pendingIndexUpgrades } from './index-upgrades';
import { LibraryManager } from './library-manager';
import { LibraryStore } from './library-store';
import { exportPackage } from './package-export';
import { matchesScopeKeyword } from './query-parser';
import { ReaderService } from './reader-service';
import { correctedQuery } from './query-correction';
import { SearchEngine, type SearchScope } from './search-engine';
import { logFailure } from '../logging/log';

export interface DocsServiceDeps {
  db: LocalDatabase;
  dataDir: string;
  api: ApiClient;
  downloads: DownloadManager;
  fetch: FetchLike;
  isOnline: () => boolean;
  storageLimitBytes: () => number;
  /** The OS dialogs (Electron only): import and export work on paths the user picked, never on one from the renderer. */
  pickPath?: (purpose: 'import-folder' | 'import-package' | 'export-package', suggestedName?: string) => Promise<string | null>;
  /** Who is signed in: feedback is queued against its author and sent only with their session. Absent: no feedback. */
  session?: { get(): SessionState; onDidChange: Emitter<SessionState> };
  /** Queued feedback goes out when the service answers again. */
  network?: { onDidChange: Emitter<NetworkStatus> };
  feedbackOutbox?: Pick<FeedbackOutboxOptions, 'baseDelayMs' | 'maxDelayMs' | 'random' | 'log' | 'onError'>;
}

const REMOTE_IMAGE_MAX = 5 * 1024 * 1024;
const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp|avif)$/;

/** The documentation domain behind the bridge: library manager, search, reader, feedback. */
export class DocsService {
  readonly libraries: LibraryManager;
  readonly reader: ReaderService;
  readonly engine: SearchEngine;
  readonly feedbackOutbox: FeedbackOutbox;
  /** Feedback queued earlier that the service refused when it was finally sent (the item is dropped). */
  readonly onDidRefuseFeedback = new Emitter<FeedbackRefusal>();
  /** The index upgrade of docs migrations under way (records done of total), or null. */
  private upgrade: { done: number; total: number } | null = null;
  private upgradeRun: Promise<void> | null = null;
  private readonly store: LibraryStore;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: DocsServiceDeps) {
    applyMigrations(deps.db, 'docs', DOCS_MIGRATIONS);
    this.store = new LibraryStore(deps.db, deps.dataDir);
    this.engine = new SearchEngine(deps.db);
    this.reader = new ReaderService(deps.db, this.store, deps.api);
    this.libraries = new LibraryManager({
      api: deps.api,
      downloads: deps.downloads,
      store: this.store,
      dataDir: deps.dataDir,
      storageLimitBytes: deps.storageLimitBytes,
      runImport: (job, progress) => importInWorker(deps.db.name, deps.dataDir, job, progress, databaseKeyOf(deps.db)),
      onInstallsChanged: () => this.engine.reload(),
    });
    this.feedbackOutbox = new FeedbackOutbox({
      db: deps.db, api: deps.api, currentUser: () => this.userIdOrNull(), ...deps.feedbackOutbox,
      onRefused: (refusal) => this.onDidRefuseFeedback.fire(refusal),
    });
    // Listening makes no request: the queue is only sent once someone is signed in and the service answers.
    const kick = () => void this.feedbackOutbox.flush({ ignoreBackoff: true });
    if (deps.network) this.unsubscribe.push(deps.network.onDidChange.on((n) => n.online && kick()));
    if (deps.session) this.unsubscribe.push(deps.session.onDidChange.on((s) => s.status === 'signed-in' && kick()));
  }

  start(): Promise<void> {
    void this.feedbackOutbox.flush();
    void this.upgradeIndexes();
    return this.libraries.start();
  }

  /**
   * The slow half of docs migrations (re-indexing libraries imported before them), run in the import
   * worker once the app is up, never at startup on the main thread. Search keeps answering from the
   * index as it was and says an upgrade is under way (SearchResult.indexUpgrade); a failure is logged
   * and the upgrade is tried again at the next start. Resolves when it is over (at once when none is pending).
   */
  upgradeIndexes(): Promise<void> {
    if (this.upgradeRun) return this.upgradeRun;
    if (pendingIndexUpgrades(this.deps.db).length === 0) return Promise.resolve();
    this.upgrade = { done: 0, total: 0 };
    this.upgradeRun = upgradeInWorker(this.deps.db.name, (done, total) => (this.upgrade = { done, total }), databaseKeyOf(this.deps.db))
      .then(() => this.engine.reload())
      .catch(logFailure('docs: the search index upgrade failed; it runs again at the next start', undefined, 'error'))
      .finally(() => {
        this.upgrade = null;
        this.upgradeRun = null;
      });
    return this.upgradeRun;
  }

  importLocal(job: ImportJob) {
    return this.libraries.importLocal(job);
  }

  get canUseDisk(): boolean {
    return Boolean(this.deps.pickPath);
  }

  /** Imports a folder of HTML and PDF manuals, a PDF or a package file the user picks (null: they cancelled). */
  async importFromDisk(kind: 'folder' | 'package'): Promise<{ libraryId: string; topicCount: number; skipped: ImportResult['skipped'] } | null> {
    const path = await this.requirePicker()(kind === 'folder' ? 'import-folder' : 'import-package');
    if (!path) return null;
    const result = await this.importLocal(kind === 'folder' || PDF.test(path) ? { kind: 'folder', dir: path } : { kind: 'package', file: path, source: 'package' });
    return { libraryId: result.libraryId, topicCount: result.topicCount, skipped: result.skipped };
  }

  /** Writes an installed library as a package file where the user picks (null: they cancelled). */
  async exportToDisk(libraryId: string): Promise<{ file: string; topics: number; bytes: number } | null> {
    const install = this.store.readyInstall(libraryId);
    if (!install) throw new AppError('not_found', 'This library is not installed.');
    const file = await this.requirePicker()('export-package', `${libraryId}.esdlib`);
    if (!file) return null;
    return { file, ...(await exportPackage(this.deps.db, this.deps.dataDir, install, file)) };
  }

  private requirePicker() {
    if (!this.deps.pickPath) throw new AppError('validation', 'Importing and exporting files needs the desktop app; in the browser preview use "npm run docs -- import/export".');
    return this.deps.pickPath;
  }

  /**
   * Local results first (instant, offline); then, when the service answers, online hits from libraries
   * not installed. With them: the true count of local matches (the hits are its first page) and the
   * query as searched when a typo was corrected.
   */
  async search(input: { query: string; scope?: SearchScope | undefined; limit: number; includeOnline: boolean }): Promise<SearchResult> {
    const started = performance.now();
    const scope = input.scope ?? {};
    const local = this.engine.search(input.query, scope, input.limit).map((hit) => ({ ...hit, source: 'local' as const }));
    // Counting costs a pass over the matches: only when the page is full, so there may be more.
    const total = local.length < input.limit ? local.length : Math.max(local.length, this.engine.count(input.query, scope));
    // A library keyword (router: vlan) is not a word to correct; it scopes the online hits too.
    const scoped = this.engine.scopeKeyword(input.query);
    const searched = scoped ? scoped.query : input.query;
    const fixed = correctedQuery(searched, this.engine.vocabulary);
    const correction = fixed && scoped ? `${input.query.slice(0, input.query.length - searched.length)}${fixed}` : fixed;
    const ms = Math.round((performance.now() - started) * 100) / 100;
    const result = { hits: local, total, correctedQuery: correction, onlineIncluded: false, ms, indexUpgrade: this.upgrade && { ...this.upgrade } };
    if (!input.includeOnline || !this.deps.isOnline() || !input.query.trim()) return result;
    const installed = new Set(this.store.ready().map((r) => r.library_id));
    try {
      const params = new URLSearchParams({ q: searched.slice(0, 500), limit: String(Math.min(input.limit, 50)) });
      for (const library of input.scope?.libraries ?? []) params.append('library', library);
      const online = await this.deps.api.request({ method: 'GET', path: `/docs/search?${params}`, schema: OnlineSearchResultSchema });
      const extra = online.hits
        .filter((hit) => !installed.has(hit.library) && (!scoped || matchesScopeKeyword(scoped.keyword, { libraryId: hit.library, product: hit.product ?? '' })))
        .map((hit) => ({
          library: hit.library, libraryTitle: hit.libraryTitle ?? '', product: hit.product ?? '', version: hit.version ?? '',
          topicId: hit.topicId, anchor: '', title: hit.title, pageTitle: hit.title, path: `${hit.topicId}.html`, snippet: hit.snippet, score: hit.score, source: 'online' as const,
        }));
      return { ...result, hits: [...local, ...extra], onlineIncluded: true };
    } catch {
      return result;
    }
  }

  /** "Was this helpful?" (P2.1): sent now when the service answers, otherwise kept here and sent once it does. */
  async feedback(input: FeedbackInput): Promise<{ state: 'sent' | 'queued' }> {
    const user = this.userIdOrNull();
    if (!user) throw new AppError('unauthorized', 'Please sign in to send feedback.');
    const parsed = FeedbackInputSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    return { state: await this.feedbackOutbox.send(user, parsed.data) };
  }

  /** How many feedback items of the signed-in user wait on this computer. */
  queuedFeedback(): number {
    const user = this.userIdOrNull();
    return user ? this.feedbackOutbox.pending(user) : 0;
  }

  private userIdOrNull(): string | null {
    const state = this.deps.session?.get();
    return state?.status === 'signed-in' ? state.user.id : null;
  }

  /**
   * A remote image the user chose to load for this topic (P3.3), fetched by main and handed to the
   * reader as a data: URL, so the renderer's CSP never has to allow remote hosts.
   */
  async remoteImage(url: string): Promise<{ dataUrl: string }> {
    // The host is named: it is a third party's, not the support service, and the user may retry.
    const host = new URL(url).host;
    let response: Response;
    try {
      response = await this.deps.fetch(url, { redirect: 'error', headers: { Accept: 'image/*' } });
    } catch {
      throw new AppError('offline', `${host} could not be reached.`);
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!response.ok || !IMAGE_TYPES.test(type)) throw new AppError('validation', `${host} did not send an image this app shows.`);
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > REMOTE_IMAGE_MAX) throw new AppError('validation', `The image from ${host} is too large.`);
    return { dataUrl: `data:${type};base64,${data.toString('base64')}` };
  }

  /**
   * Maps /docs-assets/<library>/<path> to a file of that library's installed copy, or null. The
   * library id is checked against its pattern and the path goes through resolveInside (encoded
   * `..`, backslashes, NUL and symlinks leaving the folder are refused).
   */
  async resolveAsset(urlPath: string): Promise<{ file: string; type: string } | null> {
    const match = /^\/docs-assets\/([^/]+)(\/.+)$/.exec(urlPath);
    if (!match || !LIBRARY_ID_PATTERN.test(match[1]!)) return null;
    const install = this.store.readyInstall(match[1]!);
    if (!install) return null;
    // A library without images has no folder at all: that is a plain "not found".
    const file = await resolveInside(assetDirFor(this.deps.dataDir, install.id), match[2]!).catch(() => null);
    return file ? { file, type: mimeType(file) } : null;
  }

  dispose(): void {
    this.unsubscribe.forEach((off) => off());
    this.feedbackOutbox.stop();
    this.libraries.dispose();
  }
}
