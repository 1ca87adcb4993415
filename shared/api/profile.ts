import { z } from 'zod';

// Rules shared by the server (authoritative) and the client (early, inline feedback).
const trimmed = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{4,30}$/;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

export const ProfileFieldsSchema = z.object({
  name: trimmed(100).min(1, 'Enter your name.'),
  email: z.string().trim().max(254).pipe(z.email('Enter a valid e-mail address.')),
  phone: z.union([z.literal(''), z.string().trim().regex(PHONE_PATTERN, 'Enter a phone number such as +44 20 7946 0958.')]),
  contactAddress: trimmed(500),
  country: z.string().trim().toUpperCase().regex(COUNTRY_PATTERN, 'Choose a country (two-letter code, such as DE).'),
  industry: trimmed(100),
  job: trimmed(100),
});

export const CompanySchema = z.object({ id: z.string(), name: z.string() });
export type Company = z.infer<typeof CompanySchema>;

/** The profile as `GET /me` returns it (P1.1, P5.1). The company comes from the account and is read-only here. */
export const ProfileSchema = ProfileFieldsSchema.extend({
  id: z.string(),
  company: CompanySchema,
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** `PATCH /me` body (P5.2): any editable fields, nothing else, at least one. */
export const ProfilePatchSchema = ProfileFieldsSchema.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one field.' });
export type ProfilePatch = z.infer<typeof ProfilePatchSchema>;

export const EDITABLE_PROFILE_FIELDS = Object.keys(ProfileFieldsSchema.shape) as (keyof z.infer<typeof ProfileFieldsSchema>)[];
