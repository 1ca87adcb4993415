import { z } from 'zod';

/**
 * The privacy center's part of the remote API (issue 6). Everything a person reads is sent as codes
 * (purposes, legal bases, retention, sources, safeguards) so the client can say it in either language.
 */

export const CATEGORY_IDS = [
  'identity',
  'account',
  'service-requests',
  'software',
  'consents',
  'sign-in-history',
  'feedback',
  'devices',
  'rights-requests',
  'policy',
] as const;
export const CategoryIdSchema = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategoryIdSchema>;

export const PURPOSES = ['P2.1', 'P2.2', 'P2.3', 'P2.4', 'P2.5', 'P2.6', 'P2.7', 'P2.8'] as const;
export const LEGAL_BASES = ['contract', 'consent', 'legitimate-interest', 'legal-obligation'] as const;
export const RETENTIONS = ['account-lifetime', 'three-years-after-closure', 'one-year', 'until-withdrawn', 'six-years-legal'] as const;
/**
 * How long each retention lasts, defined once: the service's purge (server/privacy/retention.ts) and
 * the date My data shows per record ("goes on") both come from here. null: no fixed period (while the
 * account is active, or until consent is withdrawn); the record goes with the account or the consent.
 */
export const RETENTION_YEARS: Record<(typeof RETENTIONS)[number], number | null> = {
  'account-lifetime': null,
  'until-withdrawn': null,
  'one-year': 1,
  'three-years-after-closure': 3,
  'six-years-legal': 6,
};
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** The moment a record kept since `fromMs` is due to go, or null where its category has no fixed period. */
export const retentionEnd = (retention: (typeof RETENTIONS)[number], fromMs: number): number | null =>
  RETENTION_YEARS[retention] === null ? null : fromMs + RETENTION_YEARS[retention]! * YEAR_MS;
export const SOURCES = ['you', 'your-company', 'service', 'third-party-sign-in'] as const;
/**
 * Each code is a claim a test holds against the code that stores the category
 * (test/integration/privacy/server-safeguards.test.ts). The reference service does not encrypt its
 * database at rest, so no category claims it: 'access-control' (only the person, through their own
 * signed-in requests, and the service's staff) is what it does.
 */
export const SAFEGUARDS = ['standard-contracts', 'consent', 'anonymisation', 'access-control'] as const;

/** Where a category is kept and which safeguards cover processing abroad (P8.1). */
export const CategoryInfoSchema = z.object({
  id: CategoryIdSchema,
  purposes: z.array(z.enum(PURPOSES)),
  legalBasis: z.enum(LEGAL_BASES),
  retention: z.enum(RETENTIONS),
  source: z.enum(SOURCES),
  /** ISO country code of the servers (the vendor's home country). */
  storedIn: z.string(),
  /** ISO country codes where it may be processed, with the safeguards that apply. */
  processedIn: z.array(z.string()),
  safeguards: z.array(z.enum(SAFEGUARDS)),
  /** Tabular categories are also exported as CSV. */
  tabular: z.boolean(),
});
export type CategoryInfo = z.infer<typeof CategoryInfoSchema>;

export const DataRecordSchema = z.record(z.string(), z.unknown());

export const MyDataCategorySchema = CategoryInfoSchema.extend({
  count: z.number().int(),
  /** The most recent records (all of them for small categories); the export holds everything. */
  records: z.array(DataRecordSchema),
  /**
   * P6.2: for each record (same order), when the service deletes it as its retention period ends
   * (ISO); null where the category has no fixed period or the record's period has not started (an open request).
   */
  goesAt: z.array(z.string().nullable()),
});
export type MyDataCategory = z.infer<typeof MyDataCategorySchema>;

export const MyDataSchema = z.object({
  generatedAt: z.string(),
  restricted: z.boolean(),
  categories: z.array(MyDataCategorySchema),
});
export type MyData = z.infer<typeof MyDataSchema>;

// --- Consents (P2.4, P2.6, P5.5) ---
export const CONSENT_KINDS = ['marketing', 'recommendations', 'analytics'] as const;
export const ConsentKindSchema = z.enum(CONSENT_KINDS);
export type ConsentKind = z.infer<typeof ConsentKindSchema>;

export const ConsentValuesSchema = z.object({ marketing: z.boolean(), recommendations: z.boolean(), analytics: z.boolean() });
export type ConsentValues = z.infer<typeof ConsentValuesSchema>;

export const ConsentReceiptSchema = z.object({
  id: z.string(),
  kind: ConsentKindSchema,
  oldValue: z.boolean(),
  newValue: z.boolean(),
  policyVersion: z.string(),
  at: z.string(),
});
export type ConsentReceipt = z.infer<typeof ConsentReceiptSchema>;

export const ConsentsSchema = z.object({ values: ConsentValuesSchema, receipts: z.array(ConsentReceiptSchema) });
export type Consents = z.infer<typeof ConsentsSchema>;

export const ConsentChangeSchema = z.strictObject({ kind: ConsentKindSchema, granted: z.boolean() });
export type ConsentChange = z.infer<typeof ConsentChangeSchema>;

// --- Rights requests (P5.3-P5.6) ---
/** `lift-restriction` ends a restriction the person asked for (P5.3; GDPR Art. 18(3)). */
export const REQUEST_KINDS = ['restrict', 'lift-restriction', 'erase', 'withdraw-consent', 'object'] as const;
export const REQUEST_STATUSES = ['received', 'confirmation-needed', 'completed', 'refused'] as const;
export const OBJECTION_PURPOSES = ['recommendations', 'marketing', 'analytics', 'product-improvement', 'legal-compliance'] as const;
export const REFUSAL_CODES = ['legal-obligation', 'already-done', 'not-restricted'] as const;
/** What a completed request did beyond its kind: an upheld objection to product improvement takes the account out of the analysis data set (P2.5). */
export const REQUEST_OUTCOMES = ['excluded-from-analysis'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

const note = z.string().trim().max(1000, 'At most 1000 characters.').optional();
export const NewRightsRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('object'), purpose: z.enum(OBJECTION_PURPOSES), note }),
  z.strictObject({ kind: z.enum(['restrict', 'lift-restriction', 'erase', 'withdraw-consent']), note }),
]);
export type NewRightsRequest = z.infer<typeof NewRightsRequestSchema>;

export const RightsRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATUSES),
  purpose: z.enum(OBJECTION_PURPOSES).nullable(),
  note: z.string(),
  receivedAt: z.string(),
  /** One month from receipt. */
  dueAt: z.string(),
  completedAt: z.string().nullable(),
  refusal: z.object({ code: z.enum(REFUSAL_CODES), message: z.string() }).nullable(),
  outcome: z.enum(REQUEST_OUTCOMES).nullable(),
});
export type RightsRequest = z.infer<typeof RightsRequestSchema>;
export const RightsRequestListSchema = z.object({ requests: z.array(RightsRequestSchema) });

// --- Export (P5.1) ---
export const ExportJobSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'ready', 'failed']),
  createdAt: z.string(),
  expiresAt: z.string(),
  readyAt: z.string().nullable(),
  size: z.number().int().nullable(),
  /** Hex SHA-256 of the ZIP, checked by the client after the download. */
  sha256: z.string().nullable(),
  fileName: z.string(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;
export const ExportJobListSchema = z.object({ exports: z.array(ExportJobSchema) });

/**
 * What a person asks to export: the categories chosen (every category when absent). An empty choice
 * is refused rather than read as "all", so a screen bug cannot silently widen what is exported.
 */
export const NewExportSchema = z.strictObject({
  categories: z
    .array(z.enum(CATEGORY_IDS, { error: `Not a known category of data; known ones are ${CATEGORY_IDS.join(', ')}.` }))
    .min(1, 'Choose at least one category to export.')
    .max(CATEGORY_IDS.length)
    .refine((ids) => new Set(ids).size === ids.length, 'Each category can be chosen only once.')
    .optional(),
});
export type NewExport = z.infer<typeof NewExportSchema>;

/** manifest.json at the root of the export ZIP. */
export const ExportManifestSchema = z.object({
  format: z.literal('esd-privacy-export/1'),
  userId: z.string(),
  createdAt: z.string(),
  /** The categories this archive holds (those chosen and held by the service), in catalogue order. */
  categories: z.array(CategoryIdSchema),
  files: z.array(z.object({ path: z.string(), category: z.string(), sha256: z.string(), bytes: z.number().int(), rows: z.number().int() })),
});
export type ExportManifest = z.infer<typeof ExportManifestSchema>;

// --- Disclosures (P4.2) ---
export const RECIPIENT_CATEGORIES = ['with-consent', 'affiliates', 'service-partners', 'legal-requirement'] as const;
export const DisclosuresSchema = z.object({
  recipientCategories: z.array(z.enum(RECIPIENT_CATEGORIES)),
  records: z.array(
    z.object({
      id: z.string(),
      recipient: z.string(),
      recipientCategory: z.enum(RECIPIENT_CATEGORIES),
      purpose: z.enum(PURPOSES),
      dataCategories: z.array(CategoryIdSchema),
      legalBasis: z.enum(LEGAL_BASES),
      at: z.string(),
    }),
  ),
});
export type Disclosures = z.infer<typeof DisclosuresSchema>;

// --- Policy (P9.1) and contact (P5.7, P9.2) ---
export const PolicyVersionSchema = z.object({
  version: z.string(),
  effectiveAt: z.string(),
  summary: z.object({ en: z.string(), 'zh-CN': z.string() }),
});
export const PolicySchema = z.object({
  current: PolicyVersionSchema.extend({ text: z.object({ en: z.string(), 'zh-CN': z.string() }) }),
  history: z.array(PolicyVersionSchema),
  acknowledgedVersion: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  contact: z.object({ email: z.string(), postal: z.string() }),
});
export type Policy = z.infer<typeof PolicySchema>;
export const PolicyAcknowledgementSchema = z.strictObject({ version: z.string().min(1).max(20) });

// --- Recommendations (P2.4) ---
export const RecommendationsSchema = z.object({
  status: z.enum(['on', 'no-consent', 'restricted']),
  items: z.array(z.object({ id: z.string(), title: z.string(), basedOn: z.enum(['industry', 'job']) })),
});
export type Recommendations = z.infer<typeof RecommendationsSchema>;

// --- Anonymous usage statistics (P2.8) ---
export const TELEMETRY_EVENTS = ['app.started', 'screen.viewed', 'export.requested'] as const;
export const TELEMETRY_SCREENS = ['docs', 'software', 'tickets', 'privacy', 'settings', 'profile', 'other'] as const;

/**
 * One usage event. Closed by construction: enums and a coarse hour, no free text, so an event cannot
 * carry a user id, an e-mail or anything typed by the user.
 */
export const TelemetryEventSchema = z.strictObject({
  name: z.enum(TELEMETRY_EVENTS),
  /** Truncated to the hour, so events cannot be joined with sign-in times. */
  hour: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/, 'An hour such as 2026-06-01T12:00Z.'),
  appVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  platform: z.enum(['win32', 'darwin', 'linux', 'other']),
  screen: z.enum(TELEMETRY_SCREENS).optional(),
});
export type TelemetryEvent = z.infer<typeof TelemetryEventSchema>;
export const TelemetryBatchSchema = z.strictObject({ events: z.array(TelemetryEventSchema).min(1).max(100) });
export const TelemetryAcceptedSchema = z.object({ accepted: z.number().int() });
