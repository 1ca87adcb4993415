import { z } from 'zod';

/**
 * The docs domain's remote contract (reference API) and the library package manifest. Both the
 * server (which builds packages) and the client (which imports them) validate with these schemas.
 */

/** Library and topic ids: safe as file names and URL segments, so no id can walk a path. */
export const LIBRARY_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const TOPIC_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
export const LibraryIdSchema = z.string().regex(LIBRARY_ID_PATTERN, 'A library id is lower-case letters, digits, ".", "_" or "-".');
export const TopicIdSchema = z.string().regex(TOPIC_ID_PATTERN, 'A topic id is letters, digits, ".", "_" or "-".');

export const CatalogueEntrySchema = z.object({
  id: LibraryIdSchema,
  product: z.string(),
  version: z.string(),
  language: z.string(),
  title: z.string(),
  topicCount: z.number().int().nonnegative(),
  packageSize: z.number().int().nonnegative(),
  updatedAt: z.string(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;
export const CatalogueSchema = z.object({ libraries: z.array(CatalogueEntrySchema) });

export const OnlineSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'Type something to search for.').max(500),
  library: z.array(LibraryIdSchema).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const OnlineHitSchema = z.object({
  library: z.string(),
  /** What a person reads instead of the id (added after the first version: optional for older services). */
  libraryTitle: z.string().optional(),
  product: z.string().optional(),
  version: z.string().optional(),
  topicId: z.string(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
});
export type OnlineHit = z.infer<typeof OnlineHitSchema>;
export const OnlineSearchResultSchema = z.object({ hits: z.array(OnlineHitSchema) });

export const RemoteTopicSchema = z.object({
  library: z.string(),
  /** Optional for older services, like the online hit's. */
  libraryTitle: z.string().optional(),
  topicId: z.string(),
  title: z.string(),
  html: z.string(),
  language: z.string(),
});
export type RemoteTopic = z.infer<typeof RemoteTopicSchema>;

/** A comment on a topic (P2.1: kept so the vendor can reply), stored against the signed-in user. */
export const FeedbackInputSchema = z.strictObject({
  library: LibraryIdSchema,
  topicId: TopicIdSchema,
  helpful: z.boolean(),
  comment: z.string().trim().max(2000, 'At most 2,000 characters.').default(''),
});
export type FeedbackInput = z.input<typeof FeedbackInputSchema>;
export const FeedbackSchema = z.object({
  id: z.string(),
  library: z.string(),
  topicId: z.string(),
  helpful: z.boolean(),
  comment: z.string(),
  createdAt: z.string(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
export const FeedbackListSchema = z.object({ feedback: z.array(FeedbackSchema) });

// ---- The library package (.esdlib): a zip holding manifest.json, topics/*.html, images/* ----

export const PACKAGE_FORMAT = 1;
export const PACKAGE_LIMITS = {
  entries: 250_000,
  entryBytes: 20 * 1024 * 1024,
  /** A PDF manual may be larger than a page (the importer's own limit for one PDF, DEFAULT_PDF_LIMITS). */
  pdfBytes: 200 * 1024 * 1024,
  manifestBytes: 64 * 1024 * 1024,
  totalBytes: 4 * 1024 * 1024 * 1024,
} as const;

/** anchor: a place in the topic, e.g. "page=12" for a PDF's bookmark. */
export type TocNode = { title: string; topicId?: string | undefined; anchor?: string | undefined; children?: TocNode[] | undefined };
export const TocNodeSchema: z.ZodType<TocNode> = z.lazy(() =>
  z.object({ title: z.string().max(500), topicId: TopicIdSchema.optional(), anchor: z.string().max(200).optional(), children: z.array(TocNodeSchema).max(10_000).optional() }),
);

export const ManifestTopicSchema = z.object({
  id: TopicIdSchema,
  title: z.string().max(500),
  /** The topic's file inside the package, under topics/. */
  file: z.string().max(300),
  /** Where the page came from (folder imports: the path relative to the folder), for links and the CLI. */
  path: z.string().max(1000).optional(),
});

export const ManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  id: LibraryIdSchema,
  product: z.string().min(1).max(200),
  version: z.string().min(1).max(50),
  language: z.string().min(2).max(20),
  title: z.string().min(1).max(300),
  updatedAt: z.string(),
  toc: z.array(TocNodeSchema).max(100_000),
  topics: z.array(ManifestTopicSchema).min(1).max(PACKAGE_LIMITS.entries),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/**
 * A path inside a package or a library: relative, forward slashes, no `..`, `.`, empty segment,
 * backslash, NUL, drive letter or scheme. Returns the normalised path or null.
 */
export function safeRelativePath(raw: string): string | null {
  if (!raw || raw.length > 1000 || raw.includes('\\') || raw.includes('\0') || raw.startsWith('/')) return null;
  if (/^[A-Za-z]:/.test(raw) || /^[a-z][a-z0-9+.-]*:/i.test(raw)) return null;
  const segments = raw.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return segments.join('/');
}
