import { z } from 'zod';
import { safeAttachmentName } from '../attachment-name';
import { COUNTRY_PATTERN, PHONE_PATTERN, type Profile } from './profile';

/** Service requests (tickets) on the support API: the wire format shared by the server and the app. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** First-response targets per severity, in hours: what the SLA due time is computed from. */
export const SLA_RESPONSE_HOURS: Record<Severity, number> = { critical: 1, high: 4, medium: 24, low: 72 };

export const STATUSES = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'] as const;
export const StatusSchema = z.enum(STATUSES);
export type TicketStatus = z.infer<typeof StatusSchema>;

/** A resolved or closed request can be reopened for this long. */
export const REOPEN_WINDOW_MS = 14 * 24 * 3600_000;

export const CATEGORIES = ['malfunction', 'configuration', 'question', 'cannot_obtain', 'other'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

/** P1.5: who to contact about the request; prefilled from the profile and editable per request. */
export const ContactSchema = z.strictObject({
  name: text(100).min(1, 'Enter a contact name.'),
  email: z.string().trim().max(254).pipe(z.email('Enter a valid e-mail address.')),
  phone: z.union([z.literal(''), z.string().trim().regex(PHONE_PATTERN, 'Enter a phone number such as +44 20 7946 0958.')]),
  country: z.string().trim().toUpperCase().regex(COUNTRY_PATTERN, 'Choose a country (two-letter code, such as DE).'),
  contactAddress: text(500),
  company: text(200),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A request's contact details as the profile has them (the app fills them in; the user may change them). */
export const contactFromProfile = (profile: Pick<Profile, 'name' | 'email' | 'phone' | 'country' | 'contactAddress' | 'company'>): Contact => ({
  name: profile.name, email: profile.email, phone: profile.phone, country: profile.country, contactAddress: profile.contactAddress, company: profile.company.name,
});

/** The page the request came from (P1.5): a documentation topic or a software package. */
export const OriginSchema = z.strictObject({
  kind: z.enum(['doc', 'software']),
  ref: z.string().trim().min(1).max(300).regex(/^[\w.\-/ ]+$/, 'Use letters, digits, "-", "_", "." and "/".'),
});
export type Origin = z.infer<typeof OriginSchema>;

export const TicketCreateSchema = z.strictObject({
  title: text(200).min(5, 'Describe the problem in at least 5 characters.'),
  description: text(10_000).min(10, 'Describe what happened in at least 10 characters.'),
  product: text(100).min(1, 'Choose or enter the product.'),
  version: text(50),
  deviceSerial: text(64).regex(/^[A-Za-z0-9-]*$/, 'Use letters, digits and "-".'),
  severity: SeveritySchema,
  category: CategorySchema,
  contact: ContactSchema,
  origin: OriginSchema.nullable(),
});
export type TicketCreate = z.infer<typeof TicketCreateSchema>;

export const CommentCreateSchema = z.strictObject({ body: text(10_000).min(1, 'Write a reply first.') });
export type CommentCreate = z.infer<typeof CommentCreateSchema>;

/** Idempotency-Key header: the client's own random key, one per submission. */
const KEY_MESSAGE = 'Send an Idempotency-Key of 8 to 128 letters, digits or "-_.:".';
export const IdempotencyKeySchema = z.string({ error: KEY_MESSAGE }).regex(/^[A-Za-z0-9_.:-]{8,128}$/, KEY_MESSAGE);

export const TicketSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  product: z.string(),
  severity: SeveritySchema,
  status: StatusSchema,
  category: CategorySchema,
  ownerName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  slaDueAt: z.string(),
});
export type TicketSummary = z.infer<typeof TicketSummarySchema>;

export const CommentSchema = z.object({
  id: z.string(),
  author: z.enum(['customer', 'engineer']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  // Whatever a server stored (older versions kept bidi and zero-width characters), the app shows and saves a safe name.
  name: z.string().transform(safeAttachmentName),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const StatusChangeSchema = z.object({
  from: StatusSchema.nullable(),
  to: StatusSchema,
  actor: z.enum(['customer', 'engineer']),
  at: z.string(),
});

export const TicketSchema = TicketSummarySchema.extend({
  description: z.string(),
  version: z.string(),
  deviceSerial: z.string(),
  deviceId: z.string().nullable(),
  contact: ContactSchema,
  origin: OriginSchema.nullable(),
  /** Recorded by the server from the connection (P1.5), shown so the user knows it is kept. */
  requesterIp: z.string(),
  firstResponseAt: z.string().nullable(),
  /** Until when the owner may reopen it (null while it is open). */
  reopenUntil: z.string().nullable(),
  /** False for a company admin reading a colleague's request: only the owner changes it. */
  canChange: z.boolean(),
  comments: z.array(CommentSchema),
  attachments: z.array(AttachmentSchema),
  history: z.array(StatusChangeSchema),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketListQuerySchema = z.strictObject({
  status: StatusSchema.optional(),
  severity: SeveritySchema.optional(),
  product: text(100).optional(),
  q: text(200).optional(),
  sort: z.enum(['updated', 'created', 'severity', 'sla']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type TicketListQuery = z.infer<typeof TicketListQuerySchema>;

export const TicketListSchema = z.object({ items: z.array(TicketSummarySchema), total: z.number().int() });

export const FeedEventSchema = z.object({
  seq: z.number().int(),
  ticketId: z.string(),
  number: z.string(),
  kind: z.enum(['created', 'status', 'reply', 'attachment']),
  actor: z.enum(['customer', 'engineer']),
  status: StatusSchema.nullable(),
  at: z.string(),
});
export type FeedEvent = z.infer<typeof FeedEventSchema>;
export const FeedSchema = z.object({ cursor: z.number().int(), events: z.array(FeedEventSchema) });

export const DeviceSchema = z.object({
  id: z.string(),
  serial: z.string(),
  model: z.string(),
  product: z.string(),
  site: z.string(),
  contractEnd: z.string(),
});
export type Device = z.infer<typeof DeviceSchema>;
export const DeviceListSchema = z.object({ items: z.array(DeviceSchema) });

/** Largest attachment the API accepts. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
