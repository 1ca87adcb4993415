import { z } from 'zod';
import {
  CategorySchema, DeviceSchema, OriginSchema, SeveritySchema, StatusSchema, TicketListQuerySchema, TicketSchema, TicketSummarySchema,
} from '../api/tickets';
import { AppErrorSchema } from '../errors';

/** Schemas of the tickets domain's bridge methods and events (names in shared/channel-names/tickets.ts). */

const none = z.undefined();
const Id = z.uuid();
const IdInput = z.strictObject({ id: Id });

/** A draft as typed so far: every field may still be empty or invalid; only the limits are enforced. */
export const DraftValuesSchema = z.strictObject({
  title: z.string().max(200),
  description: z.string().max(10_000),
  product: z.string().max(100),
  version: z.string().max(50),
  deviceSerial: z.string().max(64),
  severity: z.union([SeveritySchema, z.literal('')]),
  category: z.union([CategorySchema, z.literal('')]),
  contact: z.strictObject({
    name: z.string().max(100),
    email: z.string().max(254),
    phone: z.string().max(40),
    country: z.string().max(2),
    contactAddress: z.string().max(500),
    company: z.string().max(200),
  }),
  origin: OriginSchema.nullable(),
  attachmentIds: z.array(Id).max(10, 'At most 10 attachments.'),
});
export type DraftValues = z.infer<typeof DraftValuesSchema>;

export const StagedAttachmentSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), sha256: z.string() });
export type StagedAttachment = z.infer<typeof StagedAttachmentSchema>;

export const DraftSchema = z.object({
  id: z.string(),
  values: DraftValuesSchema,
  attachments: z.array(StagedAttachmentSchema),
  /** Why the service refused it when it was sent (it came back from the outbox). */
  error: AppErrorSchema.nullable(),
  updatedAt: z.string(),
  /** False for a request just opened: it becomes a stored draft with its first save. */
  stored: z.boolean(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const DraftSummarySchema = z.object({ id: z.string(), title: z.string(), updatedAt: z.string(), error: AppErrorSchema.nullable() });

export const OutboxItemSchema = z.object({
  seq: z.number(),
  kind: z.enum(['create', 'reply', 'attach']),
  /** What the user recognises it by: the request's title, or "Reply to SR-1042". */
  label: z.string(),
  /** Names of the files that go with it (a new request's or a reply's). */
  files: z.array(z.string()),
  ticketId: z.string().nullable(),
  state: z.enum(['waiting', 'sending']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const TicketListItemSchema = TicketSummarySchema.extend({ unread: z.boolean() });
export type TicketListItem = z.infer<typeof TicketListItemSchema>;

export const ReplyDraftSchema = z.object({ id: z.string(), body: z.string(), attachments: z.array(StagedAttachmentSchema), error: AppErrorSchema.nullable() });

/** A reply and its files are one submission; either may be empty, not both. */
const ReplyInputSchema = z
  .strictObject({ ticketId: Id, body: z.string().max(10_000), attachmentIds: z.array(Id).max(10, 'At most 10 attachments.').default([]) })
  .refine((reply) => reply.body.trim() !== '' || reply.attachmentIds.length > 0, { message: 'Write a reply or add a file first.', path: ['body'] });

/** The renderer may hand over a file's bytes only up to this size (the preview's file input). */
export const MAX_INLINE_ATTACHMENT_BYTES = 512 * 1024;

/** A documentation topic from the local library that may answer the question before it is asked (deflection). */
export const TopicSuggestionSchema = z.object({
  library: z.string(),
  /** With the version: the same topic in two versions of a manual must be told apart. */
  libraryTitle: z.string(),
  version: z.string(),
  topicId: z.string(),
  title: z.string(),
  snippet: z.string(),
});
export type TopicSuggestion = z.infer<typeof TopicSuggestionSchema>;

export const ticketsMethods = {
  'tickets.list': {
    input: TicketListQuerySchema.omit({ limit: true }).optional(),
    // offlineSince: the service could not be reached; these are the requests known on this computer, as of then.
    output: z.object({ items: z.array(TicketListItemSchema), total: z.number(), offlineSince: z.string().nullable() }),
  },
  'tickets.get': { input: IdInput, output: TicketSchema },
  'tickets.markRead': { input: IdInput, output: z.void() },
  'tickets.close': { input: IdInput, output: TicketSchema },
  'tickets.reopen': { input: IdInput, output: TicketSchema },
  'tickets.devices': { input: none, output: z.array(DeviceSchema) },
  'tickets.newDraft': { input: z.strictObject({ fromTopic: z.string().max(300).optional() }), output: DraftSchema },
  'tickets.getDraft': { input: IdInput, output: DraftSchema },
  'tickets.saveDraft': { input: z.strictObject({ id: Id, values: DraftValuesSchema }), output: z.object({ id: z.string(), updatedAt: z.string() }) },
  'tickets.deleteDraft': { input: IdInput, output: z.void() },
  'tickets.drafts': { input: none, output: z.array(DraftSummarySchema) },
  'tickets.submitDraft': { input: IdInput, output: OutboxItemSchema },
  'tickets.reply': { input: ReplyInputSchema, output: OutboxItemSchema },
  'tickets.replyDraft': { input: z.strictObject({ ticketId: Id }), output: ReplyDraftSchema.nullable() },
  'tickets.outbox': { input: none, output: z.array(OutboxItemSchema) },
  'tickets.sendNow': { input: none, output: z.array(OutboxItemSchema) },
  'tickets.capabilities': {
    input: none,
    output: z.object({ nativePicker: z.boolean(), nativeSave: z.boolean(), maxAttachmentBytes: z.number(), maxInlineBytes: z.number() }),
  },
  'tickets.pickAttachments': { input: none, output: z.array(StagedAttachmentSchema) },
  'tickets.stageBytes': {
    input: z.strictObject({
      name: z.string().min(1).max(255),
      // base64 of at most MAX_INLINE_ATTACHMENT_BYTES
      dataBase64: z.string().max(Math.ceil(MAX_INLINE_ATTACHMENT_BYTES / 3) * 4, 'This file is too large to add here.').regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
    output: StagedAttachmentSchema,
  },
  'tickets.discardAttachment': { input: IdInput, output: z.void() },
  'tickets.diagnostics': { input: none, output: z.object({ attachment: StagedAttachmentSchema, text: z.string() }) },
  'tickets.suggestTopics': { input: z.strictObject({ title: z.string().max(200) }), output: z.array(TopicSuggestionSchema) },
  'tickets.saveAttachment': { input: z.strictObject({ ticketId: Id, attachmentId: Id }), output: z.object({ saved: z.boolean(), name: z.string() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const ticketsEvents = {
  // `statuses`: the latest status of requests whose status changed (by anyone), so stale notices go.
  'tickets.onDidChange': z.object({ reason: z.enum(['outbox', 'drafts', 'remote']), ticketIds: z.array(z.string()), statuses: z.record(z.string(), StatusSchema).optional() }),
  // Only what a notification needs: no title or text, which could be read on a locked screen.
  'tickets.onDidReceiveReply': z.object({ ticketId: z.string(), number: z.string(), kind: z.enum(['reply', 'status']), status: StatusSchema.nullable() }),
  'tickets.onUploadProgress': z.object({ seq: z.number(), attachmentId: z.string(), sent: z.number(), total: z.number() }),
} as const satisfies Record<string, z.ZodType>;
