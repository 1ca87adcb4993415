import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiContext } from '../context';
import { authenticate } from '../http/bearer-auth';

/**
 * For routes that anonymous callers may use too (public files, the catalogue): no Authorization
 * header means anonymous (undefined); a header that does not resolve is answered 401 (null), so a
 * client never silently loses access it thinks it has.
 */
export function optionalUser(ctx: ApiContext, request: FastifyRequest, reply: FastifyReply): string | undefined | null {
  if (request.headers.authorization === undefined) return undefined;
  return authenticate(ctx.store, request, reply) ?? null;
}
