import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ApiErrorBodySchema, OAuthErrorSchema } from '../../shared/api';
import { IdempotencyKeySchema } from '../../shared/api/tickets';

/**
 * What many operations of the document share: the error bodies, the bearer scheme, the
 * Idempotency-Key header and the byte-range headers of downloads. The schemas are the ones in
 * shared/api that the server and the desktop client validate with, so the document cannot drift
 * from what either side accepts.
 */

export const BEARER = 'bearer';
/** `security` of an operation that needs a signed-in user. */
export const signedIn: Record<string, string[]>[] = [{ [BEARER]: [] }];
/** `security` of an operation that anyone may call, a token (if sent) widening what is shown. */
export const optionallySignedIn: Record<string, string[]>[] = [{}, { [BEARER]: [] }];

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 416 | 422 | 429;

const ERROR_WORDS: Record<ErrorStatus, string> = {
  400: '`validation`: the input failed its schema; `error.fields` names each field.',
  401: '`unauthorized`: no valid access token. The answer carries a `WWW-Authenticate: Bearer` challenge.',
  403: '`forbidden`: signed in, but not allowed.',
  404: "`not_found`: nothing is here, or it belongs to someone else (another user's resource is never disclosed).",
  409: '`conflict`: the resource is not in a state that allows this.',
  413: '`validation`: the body or file is too large.',
  415: '`validation`: the body is not sent in the media type this operation accepts.',
  416: 'The range cannot be satisfied; `Content-Range: bytes */<size>` gives the size.',
  422: '`validation`: this Idempotency-Key was already used with another body.',
  429: '`rate_limited`: too many requests; wait and try again.',
};

export function registerCommonComponents(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token from POST /oauth/token (authorization code + PKCE, RFC 6749 and 7636; refresh tokens rotate, RFC 9700 4.14).',
  });
}

// Named with zod's own metadata (`id` becomes the component name), so the shared schemas stay untouched.
const ApiError = ApiErrorBodySchema.meta({ id: 'ApiError' });
const OAuthError = OAuthErrorSchema.meta({ id: 'OAuthError' });

/** Error answers in the API's own shape `{error: {code, message, fields?}}`. */
export function errors(...statuses: ErrorStatus[]): Record<number, ResponseConfig> {
  const responses: Record<number, ResponseConfig> = {};
  for (const status of statuses) {
    responses[status] =
      status === 416
        ? { description: ERROR_WORDS[416], headers: { 'Content-Range': { schema: { type: 'string' }, description: 'bytes */<size>' } } }
        : { description: ERROR_WORDS[status], content: { 'application/json': { schema: ApiError } } };
  }
  return responses;
}

/** The common answers of an operation that needs a signed-in user. */
export const bearerErrors = (...more: ErrorStatus[]) => errors(401, ...more);

export const json = <S extends z.ZodType>(schema: S, description: string): ResponseConfig => ({ description, content: { 'application/json': { schema } } });

export const jsonBody = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

export const oauthError = (description: string): ResponseConfig => ({ description, content: { 'application/json': { schema: OAuthError } } });

const IDEMPOTENCY_WORDS =
  'A random key per submission. The same key with the same body answers the stored result (same status and body, no second resource); ' +
  'the same key with another body answers 422. Kept for at least 48 hours.';

/** The Idempotency-Key request header (required or optional). */
export const idempotencyHeader = (required: boolean) =>
  z.object({ 'idempotency-key': (required ? IdempotencyKeySchema : IdempotencyKeySchema.optional()).meta({ description: IDEMPOTENCY_WORDS }) });

/** Range and If-Range (RFC 9110 14.2, 13.1.5) on downloads that resume. */
export const RangeHeaders = z.object({
  range: z.string().regex(/^bytes=\d*-\d*$/).optional().meta({ description: 'One byte range, e.g. `bytes=1024-`.' }),
  'if-range': z.string().optional().meta({ description: 'The ETag of the copy being resumed; another ETag gets the whole (new) file with 200.' }),
});

/** The 200 and 206 answers of a resumable download. */
export function rangedDownload(mediaType: string, description: string): Record<number, ResponseConfig> {
  const binary = { [mediaType]: { schema: { type: 'string' as const, format: 'binary' } } };
  const headers = {
    ETag: { schema: { type: 'string' as const }, description: 'Strong validator of this file; send it as If-Range when resuming.' },
    'Accept-Ranges': { schema: { type: 'string' as const, enum: ['bytes'] } },
  };
  return {
    200: { description, headers, content: binary },
    206: {
      description: 'The requested byte range.',
      headers: { ...headers, 'Content-Range': { schema: { type: 'string' as const }, description: 'bytes <first>-<last>/<size>' } },
      content: binary,
    },
    ...errors(416),
  };
}
