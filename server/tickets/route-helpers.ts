import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { sendError } from '../http/error-handling';
import { KeyReuseError } from '../http/idempotency';
import type { TicketRepository, Viewer } from './ticket-repository';

export const IdSchema = z.uuid();

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller as a Viewer (company, admin), set by resolveViewer in the tickets scope. */
    viewer: Viewer | null;
  }
}

/** After requireSignIn: the caller's company and admin rights, or 401 when the account is gone. */
export function resolveViewer(scope: FastifyInstance, repo: TicketRepository): void {
  scope.decorateRequest('viewer', null);
  scope.addHook('onRequest', async (request, reply) => {
    request.viewer = repo.viewer(request.userId) ?? null;
    if (!request.viewer) return sendError(reply, new AppError('unauthorized', 'This account no longer exists.'));
  });
}

/** The signed-in caller of a tickets route (resolveViewer ran before the handler). */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('unauthorized', 'Sign in to continue.');
  return request.viewer;
}

/** A path id; anything that is not one of our ids cannot name a resource, so it is "not found". */
export function pathId(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'There is no such service request.');
  return parsed.data;
}

/** Sends AppErrors with their status; a reused Idempotency-Key with another body is 422 (as the spec asks). */
export function sendFailure(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof KeyReuseError) return sendError(reply, error, 422);
  if (error instanceof AppError) return sendError(reply, error);
  if (error instanceof z.ZodError) return sendError(reply, new AppError('validation', 'Some values are not valid.', fieldsOf(error)));
  throw error;
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.')] ??= issue.message;
  return fields;
}

export function requireJson(request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('validation', 'Send the request as application/json.');
}
