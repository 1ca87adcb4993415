import { z } from 'zod';
import { CONSENT_KINDS, OBJECTION_PURPOSES, REFUSAL_CODES, REQUEST_KINDS, REQUEST_STATUSES, type CategoryId } from './privacy';
import { APPLICATION_STATUSES, HELP_PROBLEMS } from './software';
import { CATEGORIES as TICKET_CATEGORIES, ContactSchema, OriginSchema, SEVERITIES, STATUSES as TICKET_STATUSES } from './tickets';

/**
 * The records each My data category sends (P5.1), field by field. The wire type stays a plain record
 * (`DataRecordSchema`) so an older client still shows a newer server's data, but every field and
 * every code a category sends is declared here: the server's providers are tested against these
 * schemas, the client has a label in both languages for each field and code, and the end-to-end test
 * derives from them the identifiers that must never reach the screen.
 */

const time = z.iso.datetime();
const maybeTime = time.nullable();
const text = z.string();
const maybeText = z.string().nullable();

/** `password`, or a third-party account: `sso:<company provider>`, `social:<provider>` (P1.6). */
export const SIGN_IN_METHOD_KINDS = ['password', 'sso', 'social'] as const;
export const SignInMethodSchema = z.union([z.literal('password'), z.string().regex(/^(sso|social):[a-z0-9][a-z0-9-]*$/)]);

const comment = z.strictObject({ author: z.enum(['customer', 'engineer']), authorName: text, body: text, createdAt: maybeTime });
const attachment = z.strictObject({ name: text, sha256: text, size: z.number().int(), createdAt: maybeTime });

const application = z.strictObject({
  kind: z.literal('application'),
  id: text,
  product: text,
  reason: text,
  phone: text,
  status: z.enum(APPLICATION_STATUSES),
  decisionReason: maybeText,
  createdAt: maybeTime,
  decidedAt: maybeTime,
});
const helpRequest = z.strictObject({
  kind: z.literal('help-request'),
  id: text,
  product: text,
  file: maybeText,
  problem: z.enum(HELP_PROBLEMS),
  message: text,
  email: text,
  phone: text,
  address: text,
  status: z.enum(['open', 'closed']),
  createdAt: maybeTime,
});
const licenceAcceptance = z.strictObject({ kind: z.literal('licence-acceptance'), product: text, licenceVersion: text, createdAt: maybeTime });

export const CATEGORY_RECORD_SCHEMAS = {
  identity: z.strictObject({ userId: text, name: text, email: text, phone: text, contactAddress: text, country: text }),
  account: z.strictObject({
    companyId: text,
    company: text,
    industry: maybeText,
    job: maybeText,
    createdAt: maybeTime,
    updatedAt: maybeTime,
    restrictedAt: maybeTime,
  }),
  'service-requests': z.strictObject({
    id: text,
    number: text,
    title: text,
    description: text,
    product: text,
    version: text,
    deviceSerial: text,
    severity: z.enum(SEVERITIES),
    category: z.enum(TICKET_CATEGORIES),
    status: z.enum(TICKET_STATUSES),
    // Erasure empties the contact details to {} (P5.4).
    contact: z.union([ContactSchema, z.strictObject({})]),
    origin: OriginSchema.nullable(),
    requesterIp: text,
    createdAt: maybeTime,
    updatedAt: maybeTime,
    comments: z.array(comment),
    attachments: z.array(attachment),
  }),
  software: z.discriminatedUnion('kind', [application, helpRequest, licenceAcceptance]),
  feedback: z.strictObject({ id: text, libraryId: text, topicId: text, helpful: z.boolean(), comment: text, createdAt: maybeTime }),
  devices: z.strictObject({ id: text, serial: text, model: text, product: text, site: text, contractEnd: maybeTime }),
  consents: z.strictObject({ kind: z.enum(CONSENT_KINDS), oldValue: z.boolean(), newValue: z.boolean(), policyVersion: text, at: maybeTime }),
  'sign-in-history': z.strictObject({ at: maybeTime, ip: text, method: SignInMethodSchema, thirdParty: z.boolean() }),
  'rights-requests': z.strictObject({
    id: text,
    kind: z.enum(REQUEST_KINDS),
    purpose: z.enum(OBJECTION_PURPOSES).nullable(),
    note: text,
    status: z.enum(REQUEST_STATUSES),
    refusalCode: z.enum(REFUSAL_CODES).nullable(),
    receivedAt: maybeTime,
    dueAt: maybeTime,
    completedAt: maybeTime,
  }),
  policy: z.strictObject({ version: text, acknowledgedAt: maybeTime }),
} satisfies Record<CategoryId, z.ZodType>;

/** A field that holds a code, with every code it can hold; `path` is the field's name, nested ones joined with ".". */
export type CodeField = { path: string; codes: readonly string[] };
/** Every field name (nested ones too) and every coded field of a category's records. */
export type RecordVocabulary = { fields: string[]; codes: CodeField[] };

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}

function walk(schema: z.ZodType, path: string, into: RecordVocabulary): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    for (const [field, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      if (!into.fields.includes(field)) into.fields.push(field);
      walk(child, path ? `${path}.${field}` : field, into);
    }
  } else if (inner instanceof z.ZodUnion) {
    const literals = inner.options.map((option) => unwrap(option as z.ZodType)).filter((option) => option instanceof z.ZodLiteral);
    if (literals.length > 0 && literals.length === inner.options.length) addCodes(into, path, literals.flatMap((l) => [...l.values].map(String)));
    else for (const option of inner.options) walk(option as z.ZodType, path, into);
  } else if (inner instanceof z.ZodArray) {
    walk(inner.element as z.ZodType, path, into);
  } else if (inner instanceof z.ZodEnum) {
    addCodes(into, path, inner.options.map(String));
  } else if (inner instanceof z.ZodLiteral) {
    addCodes(into, path, [...inner.values].map(String));
  }
}

function addCodes(into: RecordVocabulary, path: string, found: string[]): void {
  // An empty string (a phone number left blank) is a value, not a code.
  const codes = found.filter((code) => code !== '');
  if (codes.length === 0) return;
  const existing = into.codes.find((field) => field.path === path);
  if (existing) existing.codes = [...new Set([...existing.codes, ...codes])];
  else into.codes.push({ path, codes });
}

/** The field names and codes a category can send, read from its schema. */
export function recordVocabulary(category: CategoryId): RecordVocabulary {
  const vocabulary: RecordVocabulary = { fields: [], codes: [] };
  walk(CATEGORY_RECORD_SCHEMAS[category], '', vocabulary);
  if (category === 'sign-in-history') addCodes(vocabulary, 'method', [...SIGN_IN_METHOD_KINDS]);
  return vocabulary;
}
