import type { FastifyInstance } from 'fastify';
import type { OAuthStore } from '../auth/oauth-store';
import { authenticate } from './bearer-auth';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, set by requireSignIn's hook before any handler of its scope runs ('' outside such a scope). */
    userId: string;
  }
}

/**
 * Every route of this plugin scope needs a signed-in user: one onRequest hook resolves the bearer
 * token, or answers 401 with the RFC 6750 challenge before the body is even read, so no handler can
 * forget the check and none repeats it. Register it first in a scope of its own (hooks are scoped).
 */
export function requireSignIn(scope: FastifyInstance, store: OAuthStore): void {
  if (!scope.hasRequestDecorator('userId')) scope.decorateRequest('userId', '');
  scope.addHook('onRequest', async (request, reply) => {
    const userId = authenticate(store, request, reply);
    if (!userId) return reply;
    request.userId = userId;
  });
}
