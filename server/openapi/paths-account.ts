import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { DESKTOP_CLIENT_ID, HealthSchema, OAUTH_SCOPE, ProfilePatchSchema, ProfileSchema, TokenResponseSchema } from '../../shared/api';
import { ClientSchema, ParamsSchema } from '../auth/authorize-request';
import { CredentialsSchema } from '../routes/authorize-routes';
import { BaseSchema, CodeGrantSchema, RefreshGrantSchema, RevokeSchema } from '../routes/token-routes';
import { bearerErrors, json, jsonBody, oauthError, signedIn } from './common';

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' as const } } } });
const redirect = (description: string) => ({
  description,
  headers: { Location: { schema: { type: 'string' as const, format: 'uri' }, description: 'The loopback redirect URI with `code` and `state`, or `error`, `error_description` and `state`.' } },
});

// The server's own schemas of these forms, narrowed where the server checks a value after parsing
// (the grant type, the client, the response type), so the document says what is accepted.
const AuthorizeQuery = ClientSchema.extend(ParamsSchema.shape).extend({ response_type: z.literal('code'), scope: z.literal(OAUTH_SCOPE).optional() });
const SignInForm = AuthorizeQuery.extend(CredentialsSchema.shape);
const client = { client_id: z.literal(DESKTOP_CLIENT_ID) };
const CodeGrant = BaseSchema.extend(CodeGrantSchema.shape).extend({ grant_type: z.literal('authorization_code'), ...client });
const RefreshGrant = BaseSchema.extend(RefreshGrantSchema.shape).extend({ grant_type: z.literal('refresh_token'), ...client });
const Revoke = RevokeSchema.extend({ client_id: client.client_id.optional() });
const form = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/x-www-form-urlencoded': { schema } } });

/** Health, OAuth 2.0 (authorization code + PKCE for a native app, RFC 8252), the caller's profile and this document. */
export function registerAccountPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({ method: 'get', path: '/health', tags: ['service'], summary: 'Liveness and the API version', responses: { 200: json(HealthSchema, 'The service is up.') } });
  registry.registerPath({
    method: 'get', path: '/openapi.json', tags: ['service'], summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document of this API.', content: { 'application/json': { schema: { type: 'object' } } } } },
  });

  registry.registerPath({
    method: 'get', path: '/oauth/authorize', tags: ['oauth'], summary: 'The sign-in page (opened in the system browser)',
    description:
      '`redirect_uri` is a loopback literal with a port (RFC 8252 7.3): http://127.0.0.1:<port>/... or http://[::1]:<port>/..., never `localhost`. ' +
      '`code_challenge` is BASE64URL(SHA-256(code_verifier)) (RFC 7636 4.2).',
    request: { query: AuthorizeQuery },
    responses: {
      200: html('The sign-in form.'),
      302: redirect('A fault the app can read (RFC 6749 4.1.2.1), sent to its redirect URI.'),
      400: html('An unknown client or a redirect URI that is not a loopback literal: a page, never a redirect.'),
    },
  });
  registry.registerPath({
    method: 'post', path: '/oauth/authorize', tags: ['oauth'], summary: 'Submit the sign-in form',
    request: { body: form(SignInForm) },
    responses: {
      302: redirect('Signed in: the code (60 s, one use) and the state go back to the redirect URI.'),
      400: html('The form lacks the e-mail or password.'),
      401: html('E-mail or password is wrong (the same answer for an unknown e-mail).'),
      415: html('The form was not sent as application/x-www-form-urlencoded.'),
      429: html('Too many failed sign-ins for this account or from this address.'),
    },
  });
  registry.registerPath({
    method: 'post', path: '/oauth/token', tags: ['oauth'], summary: 'Redeem a code (with its PKCE verifier) or rotate a refresh token (it works once; a spent one presented again revokes its family)',
    request: { body: form(z.discriminatedUnion('grant_type', [CodeGrant, RefreshGrant])) },
    responses: {
      200: json(TokenResponseSchema, 'New tokens (`Cache-Control: no-store`).'),
      400: oauthError('RFC 6749 5.2: `invalid_request`, `invalid_client`, `invalid_grant` (a spent, expired or foreign code or refresh token; a wrong verifier), `unsupported_grant_type`.'),
      429: oauthError('`temporarily_unavailable` with Retry-After: too many token requests from this address.'),
    },
  });
  registry.registerPath({
    method: 'post', path: '/oauth/revoke', tags: ['oauth'], summary: 'Revoke a token (RFC 7009); a refresh token ends its family',
    request: { body: form(Revoke) },
    responses: { 200: { description: 'Revoked, or it was unknown (the same answer either way).' }, 400: oauthError('`invalid_request` or `invalid_client`.'), 429: oauthError('`temporarily_unavailable`.') },
  });

  registry.registerPath({ method: 'get', path: '/me', tags: ['profile'], summary: "The caller's profile", security: signedIn, responses: { 200: json(ProfileSchema, 'The profile.'), ...bearerErrors() } });
  registry.registerPath({
    method: 'patch', path: '/me', tags: ['profile'], summary: "Change the caller's own profile fields", security: signedIn,
    request: { body: jsonBody(ProfilePatchSchema) },
    responses: { 200: json(ProfileSchema, 'The changed profile.'), ...bearerErrors(400, 415) },
  });
}
