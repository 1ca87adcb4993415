import type { FastifyInstance } from 'fastify';
import { STATIC_PAGE_CSP } from '../views/login-page';

/** Headers every response carries, errors and 404s included (onSend runs for all of them). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-resource-policy', 'same-origin');
    // A route that needs a looser policy (the sign-in form) sets its own first.
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', STATIC_PAGE_CSP);
    // Sign-in pages, tokens and profiles are personal: never cache them anywhere.
    if (!reply.hasHeader('cache-control') && request.url !== '/health') reply.header('cache-control', 'no-store');
    return payload;
  });
}
