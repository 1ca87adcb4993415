import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { OAuthStore } from '../auth/oauth-store';
import { sendError } from './error-handling';

// RFC 6750 2.1 b64token.
const AuthorizationSchema = z.string().regex(/^Bearer [A-Za-z0-9\-._~+/]+=*$/i);

/**
 * Resolves the caller from `Authorization: Bearer`, or answers 401 with the RFC 6750 challenge and
 * returns undefined. Every resource route starts here, so no route can forget the check.
 */
export function authenticate(store: OAuthStore, request: FastifyRequest, reply: FastifyReply): string | undefined {
  const header = AuthorizationSchema.safeParse(request.headers.authorization);
  const userId = header.success ? store.userForAccessToken(header.data.slice('Bearer '.length)) : undefined;
  if (userId) return userId;
  reply.header('www-authenticate', header.success ? 'Bearer realm="support-api", error="invalid_token"' : 'Bearer realm="support-api"');
  void sendError(reply, new AppError('unauthorized', header.success ? 'Your session has ended. Please sign in again.' : 'Sign in to continue.'));
  return undefined;
}
