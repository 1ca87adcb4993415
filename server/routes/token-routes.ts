import type { FastifyInstance, FastifyReply, onRequestAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { CODE_VERIFIER_PATTERN, DESKTOP_CLIENT_ID } from '../../shared/api';
import type { GrantResult } from '../auth/oauth-store';
import { isForm, type ApiContext } from '../context';

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

const opaque = z.string().min(1).max(512);
export const BaseSchema = z.object({ grant_type: z.string().min(1).max(100), client_id: z.string().min(1).max(200) });
export const CodeGrantSchema = z.object({
  code: opaque,
  redirect_uri: z.string().min(1).max(2000),
  code_verifier: z.string().regex(CODE_VERIFIER_PATTERN, 'code_verifier must be 43-128 unreserved characters'),
});
export const RefreshGrantSchema = z.object({ refresh_token: opaque });
export const RevokeSchema = z.object({
  token: opaque,
  // RFC 7009 2.1: only a hint; we look the token up whatever it says.
  token_type_hint: z.string().max(100).optional(),
  client_id: z.string().max(200).optional(),
});

/** RFC 6749 5.2: these answers are JSON `{error, error_description}`, not the API's own error shape. */
function oauthError(reply: FastifyReply, error: OAuthError, description: string): FastifyReply {
  return reply.code(400).send({ error, error_description: description });
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `Missing or invalid ${issue.path.join('.') || 'request'}.` : 'Invalid request.';
}

function sendGrant(reply: FastifyReply, result: GrantResult): FastifyReply {
  return result.ok ? reply.code(200).send(result.tokens) : oauthError(reply, result.error, result.description);
}

/**
 * Per-address limit on the token endpoint, answered in the endpoint's own error shape: the app reads
 * `error_description` from token errors, and rate-limit's default body is neither RFC 6749 nor ours.
 * createRateLimit gives the verdict without throwing, so the answer is built here, not in the error handler.
 */
function tokenRateLimit(app: FastifyInstance, limit: ApiContext['tokenRateLimit']): onRequestAsyncHookHandler {
  const check = app.createRateLimit({ max: limit.maxPerIp, timeWindow: limit.windowMs });
  return async (request, reply) => {
    const verdict = await check(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    return reply
      .code(429)
      .header('retry-after', String(verdict.ttlInSeconds))
      .header('cache-control', 'no-store')
      .header('pragma', 'no-cache')
      .send({
        // RFC 6749 has no code for "too many requests"; temporarily_unavailable is its registered
        // code for a server that cannot handle the request now, and Retry-After says when it can.
        error: 'temporarily_unavailable',
        error_description: `Too many sign-in requests from this address. Try again in ${verdict.ttlInSeconds} seconds.`,
      });
  };
}

export function registerTokenRoutes(app: FastifyInstance, ctx: ApiContext): void {
  // One budget per address for both endpoints: revocation takes a token too, so it could be used to guess them.
  const limited = tokenRateLimit(app, ctx.tokenRateLimit);
  app.post('/oauth/token', { onRequest: limited }, async (request, reply) => {
    // RFC 6749 5.1: token responses must not be cached.
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    if (!isForm(request)) return oauthError(reply, 'invalid_request', 'Send application/x-www-form-urlencoded.');
    const base = BaseSchema.safeParse(request.body);
    if (!base.success) return oauthError(reply, 'invalid_request', describe(base.error));
    const { grant_type: grantType, client_id: clientId } = base.data;
    if (clientId !== DESKTOP_CLIENT_ID) return oauthError(reply, 'invalid_client', 'Unknown client.');

    if (grantType === 'authorization_code') {
      const grant = CodeGrantSchema.safeParse(request.body);
      if (!grant.success) return oauthError(reply, 'invalid_request', describe(grant.error));
      const { code, redirect_uri: redirectUri, code_verifier: verifier } = grant.data;
      return sendGrant(reply, ctx.store.redeemCode({ code, clientId, redirectUri, verifier }));
    }
    if (grantType === 'refresh_token') {
      const grant = RefreshGrantSchema.safeParse(request.body);
      if (!grant.success) return oauthError(reply, 'invalid_request', describe(grant.error));
      return sendGrant(reply, ctx.store.refresh({ refreshToken: grant.data.refresh_token, clientId }));
    }
    return oauthError(reply, 'unsupported_grant_type', 'Use authorization_code or refresh_token.');
  });

  app.post('/oauth/revoke', { onRequest: limited }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!isForm(request)) return oauthError(reply, 'invalid_request', 'Send application/x-www-form-urlencoded.');
    const body = RevokeSchema.safeParse(request.body);
    if (!body.success) return oauthError(reply, 'invalid_request', describe(body.error));
    if (body.data.client_id !== undefined && body.data.client_id !== DESKTOP_CLIENT_ID) return oauthError(reply, 'invalid_client', 'Unknown client.');
    ctx.store.revoke(body.data.token);
    // RFC 7009 2.2: 200 whether or not the token existed, so the endpoint cannot be used to probe tokens.
    return reply.code(200).send();
  });
}
