import { z } from 'zod';
import {
  AccessApplicationInputSchema, AccessApplicationSchema, CatalogueQuerySchema, CatalogueSchema, HelpRequestInputSchema, HelpRequestSchema, LicenceSchema,
} from '../api/software';
import { ErrorCodeSchema } from '../errors';
import { DownloadReasonSchema } from './download-reason';

/** Schemas of the software domain's bridge methods and events (names in shared/channel-names/software.ts). */

const none = z.undefined();
const Id = z.string().min(1).max(64);
const DownloadId = z.strictObject({ id: z.uuid() });

export const DOWNLOAD_VIEW_STATES = ['queued', 'downloading', 'paused', 'verifying', 'passed', 'failed', 'error', 'cancelled'] as const;

/** A software download as the renderer sees it (no URLs or part-file paths). */
export const DownloadViewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  productName: z.string(),
  version: z.string(),
  state: z.enum(DOWNLOAD_VIEW_STATES),
  receivedBytes: z.number(),
  totalBytes: z.number(),
  /** PASS: what was checked; FAIL or error: why, in plain words. */
  message: z.string().nullable(),
  /** The same verdict as a code and figures, for the renderer to word; null in rows older than the codes. */
  reason: DownloadReasonSchema.nullable(),
  errorCode: ErrorCodeSchema.nullable(),
  sha256: z.string().nullable(),
  /** Where the verified file is; null until it PASSed. */
  finalPath: z.string().nullable(),
  productId: z.string(),
  fileId: z.string(),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type DownloadView = z.infer<typeof DownloadViewSchema>;

export const DownloadProgressSchema = z.object({
  id: z.string(),
  receivedBytes: z.number(),
  totalBytes: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
});
export type DownloadProgressView = z.infer<typeof DownloadProgressSchema>;

export const softwareMethods = {
  'software.catalogue': { input: CatalogueQuerySchema.strict().optional(), output: CatalogueSchema },
  'software.licence': { input: z.strictObject({ productId: Id }), output: LicenceSchema },
  'software.acceptLicence': { input: z.strictObject({ productId: Id, version: z.string().min(1).max(32) }), output: LicenceSchema },
  'software.applications': { input: none, output: z.array(AccessApplicationSchema) },
  'software.apply': { input: AccessApplicationInputSchema, output: AccessApplicationSchema },
  'software.requestHelp': { input: HelpRequestInputSchema, output: HelpRequestSchema },
  'software.download': { input: z.strictObject({ productId: Id, fileId: Id }), output: DownloadViewSchema },
  'software.downloads': { input: none, output: z.array(DownloadViewSchema) },
  'software.pauseDownload': { input: DownloadId, output: DownloadViewSchema },
  'software.resumeDownload': { input: DownloadId, output: DownloadViewSchema },
  'software.cancelDownload': { input: DownloadId, output: DownloadViewSchema },
  'software.removeDownload': { input: DownloadId, output: z.void() },
  'software.showInFolder': { input: DownloadId, output: z.void() },
  /** The folder downloads go to now (settings.downloadFolder, or the system's Downloads folder when that is null). */
  'software.downloadFolder': { input: none, output: z.object({ folder: z.string(), isDefault: z.boolean() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const softwareEvents = {
  'software.onDownloadChanged': DownloadViewSchema,
  'software.onDownloadProgress': DownloadProgressSchema,
  'software.onApplicationDecided': AccessApplicationSchema,
} as const satisfies Record<string, z.ZodType>;
