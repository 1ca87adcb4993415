import { z } from 'zod';

/** The one public client of the reference API: a native app (RFC 8252), so no client secret. */
export const DESKTOP_CLIENT_ID = 'enterprise-support-desktop';
export const OAUTH_SCOPE = 'profile';

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** RFC 6749 section 5.2 error body of the token endpoint. */
export const OAuthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** PKCE (RFC 7636): 43-128 characters of the unreserved set. */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
