import { z } from 'zod';
import { PHONE_PATTERN } from './profile';

/** DTOs of the reference API's software routes (issue 4), shared by the server and the client. */

export const ACCESS_LEVELS = ['public', 'registered', 'restricted'] as const;
export const AccessLevelSchema = z.enum(ACCESS_LEVELS);

/**
 * What the caller may do with a file right now: download it, sign in first, apply (restricted),
 * wait for the application, or read why it was rejected.
 */
export const FILE_ACCESS = ['granted', 'sign_in', 'apply', 'pending', 'rejected'] as const;
export const FileAccessSchema = z.enum(FILE_ACCESS);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const SoftwareFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  accessLevel: AccessLevelSchema,
  access: FileAccessSchema,
  downloadPath: z.string(),
});
export type SoftwareFile = z.infer<typeof SoftwareFileSchema>;

export const ReleaseSchema = z.object({
  id: z.string(),
  version: z.string(),
  releaseDate: z.string(),
  notes: z.string(),
  files: z.array(SoftwareFileSchema),
});
export type Release = z.infer<typeof ReleaseSchema>;

export const ProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  /** null: the licence of this product's current version is not accepted yet. */
  licenceAcceptedAt: z.string().nullable(),
  releases: z.array(ReleaseSchema),
});
export type Product = z.infer<typeof ProductSchema>;

export const CatalogueQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  productId: z.string().max(64).optional(),
  version: z.string().max(32).optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuerySchema>;

export const CatalogueSchema = z.object({ products: z.array(ProductSchema) });
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** The signed text: the client verifies the signature over these exact bytes, then parses them. */
export const ManifestSchema = z.object({
  productId: z.string(),
  releaseId: z.string(),
  version: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: sha256Hex })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const SignedManifestSchema = z.object({
  /** JSON of a Manifest, as signed. */
  manifest: z.string(),
  /** Ed25519 signature of the manifest's UTF-8 bytes, base64. */
  signature: z.string(),
  algorithm: z.literal('Ed25519'),
});
export type SignedManifest = z.infer<typeof SignedManifestSchema>;

export const LicenceSchema = z.object({
  productId: z.string(),
  version: z.string(),
  text: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Licence = z.infer<typeof LicenceSchema>;

export const LicenceAcceptSchema = z.object({ version: z.string().min(1).max(32) }).strict();

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const AccessApplicationSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string(),
  reason: z.string(),
  phone: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** Why it was rejected (P2.2: the user is told the result). */
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AccessApplication = z.infer<typeof AccessApplicationSchema>;

/** P1.4: applying for restricted software needs a reason and a phone number. */
/** How long an access application's reason may be (the form states it before anything is sent). */
export const REASON_LENGTH = { min: 5, max: 2000 } as const;

export const AccessApplicationInputSchema = z
  .object({
    productId: z.string().min(1).max(64),
    reason: z.string().trim().min(REASON_LENGTH.min, 'Tell us in a few words what you need it for.').max(REASON_LENGTH.max, `At most ${REASON_LENGTH.max} characters.`),
    phone: z.string().trim().regex(PHONE_PATTERN, 'Enter a phone number such as +44 20 7946 0958.'),
  })
  .strict();
export type AccessApplicationInput = z.infer<typeof AccessApplicationInputSchema>;

export const ApplicationDecisionSchema = z
  .object({ status: z.enum(['approved', 'rejected']), reason: z.string().trim().max(500).optional() })
  .strict()
  .refine((d) => d.status === 'approved' || (d.reason ?? '') !== '', { message: 'Give the reason for a rejection.', path: ['reason'] });

export const HELP_PROBLEMS = ['refused', 'failed', 'other'] as const;

/** P1.2: "help me get this": contact details so an engineer can reach the user. */
export const HelpRequestInputSchema = z
  .object({
    productId: z.string().min(1).max(64),
    fileId: z.string().max(64).optional(),
    problem: z.enum(HELP_PROBLEMS),
    message: z.string().trim().max(2000, 'At most 2000 characters.').default(''),
    email: z.string().trim().max(254).pipe(z.email('Enter a valid e-mail address.')),
    phone: z.string().trim().regex(PHONE_PATTERN, 'Enter a phone number such as +44 20 7946 0958.'),
    address: z.string().trim().min(1, 'Enter an address where we can reach you.').max(500, 'At most 500 characters.'),
  })
  .strict();
export type HelpRequestInput = z.input<typeof HelpRequestInputSchema>;

export const HelpRequestSchema = z.object({
  id: z.string(),
  productId: z.string(),
  fileId: z.string().nullable(),
  problem: z.enum(HELP_PROBLEMS),
  message: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});
export type HelpRequest = z.infer<typeof HelpRequestSchema>;
