import { z } from 'zod';

/**
 * Why the download manager PASSed or FAILed a file, as a code plus the figures behind it, so the
 * renderer can say it in the user's language. Codes are stored with each job: add codes, never rename.
 */
// Hex only: the screen puts checksums into markup, and a value that is not one reads as no code (the message shows).
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const FailReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('size-mismatch'), actual: z.number(), expected: z.number() }),
  /** The server sent more bytes than the listed size; the transfer stopped at that size. */
  z.object({ code: z.literal('oversize'), expected: z.number() }),
  z.object({ code: z.literal('no-checksum') }),
  z.object({ code: z.literal('sha256-mismatch'), expected: Sha256, actual: Sha256 }),
  /** The release manifest's signature does not verify against the pinned vendor key. */
  z.object({ code: z.literal('bad-signature') }),
  /** The signed manifest does not list this file. */
  z.object({ code: z.literal('not-in-manifest') }),
  /** The file matches the signed manifest but not the catalogue's checksum. */
  z.object({ code: z.literal('catalogue-mismatch'), expected: Sha256, actual: Sha256 }),
  /** The verifier itself threw (the manifest could not be fetched, say). */
  z.object({ code: z.literal('check-failed'), error: z.string().max(2000) }),
  z.object({ code: z.literal('no-verifier'), kind: z.string().max(100) }),
]);
export type FailReason = z.infer<typeof FailReasonSchema>;

export const PassReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('checksum-match'), sha256: Sha256 }),
  z.object({ code: z.literal('signed-manifest-match'), sha256: Sha256, version: z.string().max(100) }),
]);
export type PassReason = z.infer<typeof PassReasonSchema>;

export const DownloadReasonSchema = z.union([FailReasonSchema, PassReasonSchema]);
/** Every code this build knows, read from the schemas above. */
export const DOWNLOAD_REASON_CODES: ReadonlySet<string> = new Set([...FailReasonSchema.options, ...PassReasonSchema.options].map((option) => option.shape.code.value));
export type DownloadReason = z.infer<typeof DownloadReasonSchema>;
