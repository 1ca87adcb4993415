import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiErrorBody } from '../../shared/api';
import { AppError, validationError, type ErrorCode } from '../../shared/errors';
import { errorPage } from '../views/html-page';
import { KeyReuseError } from './idempotency';
import { STATIC_PAGE_CSP } from '../views/login-page';

const STATUS: Partial<Record<ErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  validation: 400,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export function sendError(reply: FastifyReply, error: AppError, status = STATUS[error.code] ?? 500): FastifyReply {
  const body: ApiErrorBody = { error: error.toJSON() };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Turns the framework's own 4xx errors (bad JSON, body too large, media type) into our codes and wording. */
function fromFrameworkError(error: FastifyError): { status: number; error: AppError } | undefined {
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, error: new AppError('validation', 'The request body is too large.') };
  if (status === 415) return { status, error: new AppError('validation', 'This content type is not accepted here.') };
  if (status === 429) return { status, error: new AppError('rate_limited', 'Too many requests. Please wait a minute and try again.') };
  if (status === 404) return { status, error: new AppError('not_found', 'Nothing is here.') };
  if (status >= 400 && status < 500) return { status: 400, error: new AppError('validation', 'The request could not be read.') };
  return undefined;
}

/** Browser-facing routes answer errors as pages, so a person in the sign-in window reads a sentence, not JSON. */
const isHtmlRoute = (request: FastifyRequest) => request.routeOptions.url === '/oauth/authorize';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendError(reply, new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`)));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let mapped: { status: number; error: AppError };
    // A reused Idempotency-Key with another body is a validation error answered 422 (the contract's status for it).
    if (error instanceof KeyReuseError) mapped = { status: 422, error };
    else if (error instanceof AppError) mapped = { status: STATUS[error.code] ?? 500, error };
    else if (error instanceof z.ZodError) mapped = { status: 400, error: validationError(error) };
    else {
      mapped = fromFrameworkError(error) ?? { status: 500, error: new AppError('server', 'The server failed. Please try again later.') };
      // The details go to the log only; the body never carries a stack or an internal message.
      if (mapped.status >= 500) request.log.error({ err: error }, 'unhandled error');
    }
    if (isHtmlRoute(request)) {
      return reply
        .code(mapped.status)
        .header('content-security-policy', STATIC_PAGE_CSP)
        .type('text/html; charset=utf-8')
        .send(errorPage('Sign-in is not available', mapped.error.message));
    }
    return sendError(reply, mapped.error, mapped.status);
  });
}
