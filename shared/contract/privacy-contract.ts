import { z } from 'zod';
import {
  NewExportSchema,
  ConsentChangeSchema,
  ConsentsSchema,
  DisclosuresSchema,
  ExportJobSchema,
  MyDataSchema,
  NewRightsRequestSchema,
  PolicyAcknowledgementSchema,
  PolicySchema,
  RecommendationsSchema,
  RightsRequestSchema,
  TELEMETRY_SCREENS,
  TelemetryEventSchema,
} from '../api/privacy';

const none = z.undefined();
const Id = z.strictObject({ id: z.uuid('Not a valid id.') });

/** One kind of data kept on this computer (the desktop analogue of cookies, P3.2), with its size. */
export const DeviceDataItemSchema = z.object({
  id: z.enum(['settings', 'local-database', 'token', 'downloads', 'documents', 'drafts', 'caches', 'other']),
  bytes: z.number().int(),
  /** Files (relative to the data folder) that hold it. */
  files: z.array(z.string()),
  /** Rows per table group (docs libraries, drafts and outbox, download history, search history...). */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int() })),
});
export const DeviceDataSchema = z.object({
  dataFolder: z.string(),
  totalBytes: z.number().int(),
  tokenStored: z.boolean(),
  /**
   * P6.1: how the key of the encrypted local database is kept: sealed by the OS keyring; beside it
   * without a keyring (Linux basic_text or no store: obfuscation only, the user agreed); or in memory
   * for this run only.
   */
  databaseKey: z.enum(['os-keyring', 'without-keyring', 'memory']),
  items: z.array(DeviceDataItemSchema),
});
export type DeviceData = z.infer<typeof DeviceDataSchema>;

export const DownloadedExportSchema = z.object({
  path: z.string(),
  /** Hex SHA-256 of the service's archive, checked against the service's own before anything was added. */
  archiveSha256: z.string(),
  /** Hex SHA-256 of the file on disk now, with this computer's data added: what a user's own tool computes. */
  fileSha256: z.string(),
  /** Every entry of the archive, the local-data/ folder included. */
  entries: z.array(z.string()),
});
export type DownloadedExport = z.infer<typeof DownloadedExportSchema>;

/** This computer's unfinished download of an export: it continues from where it stopped. */
export const ExportDownloadSchema = z.object({
  state: z.enum(['queued', 'downloading', 'verifying', 'paused', 'error']),
  receivedBytes: z.number().int(),
  totalBytes: z.number().int(),
});
export type ExportDownload = z.infer<typeof ExportDownloadSchema>;
/** An export as the service lists it, with this computer's unfinished download of it (null: none). */
export const ExportViewSchema = ExportJobSchema.extend({ download: ExportDownloadSchema.nullable() });
export type ExportView = z.infer<typeof ExportViewSchema>;

export const UsageViewSchema = z.object({
  consent: z.boolean(),
  queued: z.array(TelemetryEventSchema),
  sent: z.array(z.object({ event: TelemetryEventSchema, sentAt: z.string() })),
});
export type UsageView = z.infer<typeof UsageViewSchema>;

export const ContactSchema = z.object({ email: z.string(), postal: z.string() });

/** What an erasure removed from this computer (P5.4): rows and files that belonged to the erased account. */
export const LOCAL_ERASURE_ITEMS = ['ticket-drafts', 'ticket-outbox', 'staged-attachments', 'ticket-read-state', 'ticket-list-copy', 'docs-feedback'] as const;
export const LocalErasureSchema = z.object({
  removed: z.array(z.object({ id: z.enum(LOCAL_ERASURE_ITEMS), count: z.number().int() })),
  /** Files that could not be deleted (held open by another program), named so the person can act. */
  filesLeft: z.array(z.string()),
  /** Why nothing could be removed, when the local clean-up failed as a whole; the server's erasure stands. */
  error: z.string().nullable(),
});
export type LocalErasure = z.infer<typeof LocalErasureSchema>;

/** A confirmed request; after an erasure, also what this computer no longer keeps. */
export const ConfirmedRequestSchema = RightsRequestSchema.extend({ localErasure: LocalErasureSchema.optional() });
export type ConfirmedRequest = z.infer<typeof ConfirmedRequestSchema>;

/** Schemas of the privacy domain's bridge methods and events (names in shared/channel-names/privacy.ts). */
export const privacyMethods = {
  'privacy.myData': { input: none, output: MyDataSchema },
  'privacy.deviceData': { input: none, output: DeviceDataSchema },
  'privacy.consents': { input: none, output: ConsentsSchema },
  'privacy.setConsent': { input: ConsentChangeSchema, output: ConsentsSchema },
  'privacy.recommendations': { input: none, output: RecommendationsSchema },
  'privacy.disclosures': { input: none, output: DisclosuresSchema },
  'privacy.policy': { input: none, output: PolicySchema },
  'privacy.acknowledgePolicy': { input: PolicyAcknowledgementSchema, output: PolicySchema },
  'privacy.contact': { input: none, output: ContactSchema },
  'privacy.requests': { input: none, output: z.array(RightsRequestSchema) },
  'privacy.createRequest': { input: NewRightsRequestSchema, output: RightsRequestSchema },
  'privacy.confirmRequest': { input: Id, output: ConfirmedRequestSchema },
  'privacy.exports': { input: none, output: z.array(ExportViewSchema) },
  'privacy.createExport': { input: NewExportSchema, output: ExportJobSchema },
  'privacy.downloadExport': { input: Id, output: DownloadedExportSchema },
  // The renderer must say it asked the user: a stray call cannot wipe the device.
  'privacy.clearLocalData': { input: z.strictObject({ confirmed: z.literal(true) }), output: z.void() },
  'privacy.usage': { input: none, output: UsageViewSchema },
  'privacy.recordScreen': { input: z.strictObject({ screen: z.enum(TELEMETRY_SCREENS) }), output: z.void() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export const privacyEvents = {} as const satisfies Record<string, z.ZodType>;
