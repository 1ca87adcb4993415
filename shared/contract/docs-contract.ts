import { z } from 'zod';
import { FeedbackInputSchema, LibraryIdSchema, TocNodeSchema, TopicIdSchema } from '../api/docs';
import { DownloadReasonSchema } from './download-reason';

/** Schemas of the docs domain's bridge methods and events (names in shared/channel-names/docs.ts). */

const none = z.undefined();
const LibraryInput = z.strictObject({ libraryId: LibraryIdSchema });

export const LIBRARY_STATES = ['available', 'downloading', 'paused', 'importing', 'installed', 'update-available', 'failed'] as const;

export const LibraryViewSchema = z.object({
  id: z.string(),
  product: z.string(),
  version: z.string(),
  language: z.string(),
  title: z.string(),
  topicCount: z.number(),
  packageSize: z.number(),
  updatedAt: z.string(),
  state: z.enum(LIBRARY_STATES),
  /** Where this copy came from: the catalogue, a package file or a folder of HTML. */
  source: z.enum(['catalogue', 'package', 'folder']).nullable(),
  /** Disk used by the installed copy (index, topics and images). */
  diskBytes: z.number(),
  download: z.object({ receivedBytes: z.number(), totalBytes: z.number() }).nullable(),
  /** Why the last download or import failed, in plain words. */
  problem: z.string().nullable(),
  /** The failed download's verdict as a code and figures, for the renderer to word; null for other problems. */
  problemReason: DownloadReasonSchema.nullable(),
});
export type LibraryView = z.infer<typeof LibraryViewSchema>;

export const LibrariesSchema = z.object({
  libraries: z.array(LibraryViewSchema),
  /** False when the catalogue could not be fetched: only installed libraries are listed. */
  catalogueOnline: z.boolean(),
  diskBytes: z.number(),
  storageLimitBytes: z.number(),
  /** Import and export through the OS dialogs (the desktop app, not the browser preview). */
  canUseDisk: z.boolean(),
});
export type Libraries = z.infer<typeof LibrariesSchema>;

export const SearchScopeSchema = z.strictObject({
  libraries: z.array(LibraryIdSchema).max(100).optional(),
  products: z.array(z.string().max(200)).max(50).optional(),
  versions: z.array(z.string().max(50)).max(50).optional(),
});
export type SearchScopeInput = z.infer<typeof SearchScopeSchema>;

export const SearchInputSchema = z.strictObject({
  query: z.string().max(500),
  scope: SearchScopeSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
  /** Also ask the online search for libraries that are not installed (when the service answers). */
  includeOnline: z.boolean().default(true),
});

export const SearchHitSchema = z.object({
  library: z.string(),
  product: z.string(),
  version: z.string(),
  topicId: z.string(),
  anchor: z.string(),
  /** The record's own title: the page's, or its section's heading. */
  title: z.string(),
  /** The breadcrumb: library (empty when an older online service did not say) > page > section. */
  libraryTitle: z.string(),
  pageTitle: z.string(),
  path: z.string(),
  /** Plain text; matches are between \u0002 and \u0003. */
  snippet: z.string(),
  score: z.number(),
  source: z.enum(['local', 'online']),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  /** How many installed records hold every word of the query: the true count, of which `hits` is the first page. */
  total: z.number(),
  /** The query as searched when a typo was corrected ("showing results for …"), else null. */
  correctedQuery: z.string().nullable(),
  onlineIncluded: z.boolean(),
  ms: z.number(),
  /**
   * A search index upgrade (the re-indexing of a docs migration) under way in the background: records
   * done of total (total 0 while it starts). Results come from the index as it was until it is over.
   */
  indexUpgrade: z.object({ done: z.number(), total: z.number() }).nullable(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const TopicInputSchema = z.union([
  z.strictObject({ library: LibraryIdSchema, topicId: TopicIdSchema }),
  z.strictObject({ library: LibraryIdSchema, path: z.string().min(1).max(1000) }),
]);
const TopicRefSchema = z.object({ topicId: z.string(), title: z.string() });
export const TopicViewSchema = z.object({
  library: z.string(),
  libraryTitle: z.string(),
  /** The library's language (BCP 47, e.g. zh-CN): the reader's lang, for fonts and screen readers. */
  language: z.string(),
  topicId: z.string(),
  title: z.string(),
  /** Unsanitized as stored: the reader sanitizes it before it reaches the DOM. */
  html: z.string(),
  /** The page's path inside the library: relative links and images resolve against it. */
  path: z.string(),
  source: z.enum(['local', 'online']),
  /** Where the library's images are served offline (the app's own origin), e.g. /docs-assets/<library>/. */
  assetBase: z.string().nullable(),
  prev: TopicRefSchema.nullable(),
  next: TopicRefSchema.nullable(),
  bookmarked: z.boolean(),
  /** The same topic (same id, else same path) in other installed versions of the product, newest first. */
  otherVersions: z.array(z.object({ library: z.string(), version: z.string(), topicId: z.string() })),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

export const TocSchema = z.object({ library: z.string(), title: z.string(), toc: z.array(TocNodeSchema) });

/** libraryTitle: the library's title as a person reads it (empty when it was never known). */
export const BookmarkSchema = z.object({ library: z.string(), libraryTitle: z.string(), topicId: z.string(), title: z.string(), createdAt: z.string() });
export const HistoryEntrySchema = z.object({ library: z.string(), libraryTitle: z.string(), topicId: z.string(), title: z.string(), viewedAt: z.string() });
export const SavedScopeSchema = z.object({ id: z.number(), name: z.string(), libraries: z.array(z.string()) });
export type SavedScope = z.infer<typeof SavedScopeSchema>;

export const ProgressSchema = z.object({
  libraryId: z.string(),
  phase: z.enum(['downloading', 'importing']),
  done: z.number(),
  total: z.number(),
  /** While a PDF is read: its path in the folder and the page reached. */
  file: z.string().optional(),
  page: z.number().optional(),
  pages: z.number().optional(),
});

export const docsMethods = {
  'docs.libraries': { input: none, output: LibrariesSchema },
  'docs.install': { input: LibraryInput, output: z.void() },
  'docs.pause': { input: LibraryInput, output: z.void() },
  'docs.resume': { input: LibraryInput, output: z.void() },
  'docs.cancel': { input: LibraryInput, output: z.void() },
  'docs.remove': { input: LibraryInput, output: z.void() },
  'docs.search': { input: SearchInputSchema, output: SearchResultSchema },
  'docs.topic': { input: TopicInputSchema, output: TopicViewSchema },
  'docs.toc': { input: z.strictObject({ library: LibraryIdSchema }), output: TocSchema },
  'docs.bookmarks': { input: none, output: z.array(BookmarkSchema) },
  'docs.setBookmark': {
    input: z.strictObject({
      library: LibraryIdSchema,
      topicId: TopicIdSchema,
      title: z.string().max(500),
      /** Shown in the bookmark list for a library that is not installed (installed ones show their own title). */
      libraryTitle: z.string().max(300).optional(),
      bookmarked: z.boolean(),
    }),
    output: z.void(),
  },
  'docs.history': { input: none, output: z.array(HistoryEntrySchema) },
  'docs.clearHistory': { input: none, output: z.void() },
  'docs.scopes': { input: none, output: z.array(SavedScopeSchema) },
  'docs.saveScope': {
    input: z.strictObject({ name: z.string().trim().min(1, 'Name the scope.').max(100), libraries: z.array(LibraryIdSchema).min(1, 'Pick at least one library.').max(100) }),
    output: SavedScopeSchema,
  },
  'docs.deleteScope': { input: z.strictObject({ id: z.number().int().positive() }), output: z.void() },
  /** 'queued': kept on this computer and sent once the service answers again (P2.1). */
  'docs.feedback': { input: FeedbackInputSchema, output: z.object({ state: z.enum(['sent', 'queued']) }) },
  /** Fetched by main only after the user chose "load remote content" for the topic (P3.3). */
  'docs.remoteImage': { input: z.strictObject({ url: z.url({ protocol: /^https$/ }).max(2048) }), output: z.object({ dataUrl: z.string() }) },
  /** Opens the OS dialog in main; null when the user cancelled. */
  'docs.importFromDisk': { input: z.strictObject({ kind: z.enum(['folder', 'package']) }), output: z.object({ libraryId: z.string(), topicCount: z.number(), skipped: z.array(z.object({ file: z.string(), message: z.string() })) }).nullable() },
  'docs.exportToDisk': { input: LibraryInput, output: z.object({ file: z.string(), topics: z.number(), bytes: z.number() }).nullable() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const docsEvents = {
  'docs.onDidChangeLibraries': z.object({ libraryId: z.string().nullable() }),
  'docs.onProgress': ProgressSchema,
  /** Feedback queued offline that the service refused when it was finally sent (P2.1): the user must hear of it. */
  'docs.onFeedbackRefused': z.object({ library: z.string(), topicId: z.string(), message: z.string() }),
} as const satisfies Record<string, z.ZodType>;
