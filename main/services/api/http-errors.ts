import { ApiErrorBodySchema, OAuthErrorSchema } from '../../../shared/api';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { parseRetryAfter } from './retry-policy';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'validation',
  422: 'validation',
  429: 'rate_limited',
};

const PLAIN_MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthorized: 'Your session has ended. Please sign in again.',
  forbidden: 'You do not have access to this.',
  not_found: 'It was not found on the server.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  server: 'The support service had a problem. Please try again later.',
};

/**
 * Maps an HTTP error response to an AppError, keeping the server's code and field messages when it
 * sent them, and its Retry-After (429, 503) so whoever retries waits as long as it asked.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter?: string | null): AppError {
  const error = mapError(status, body);
  const wait = parseRetryAfter(retryAfter);
  if (wait !== null) error.retryAfterMs = wait;
  return error;
}

function mapError(status: number, body: unknown): AppError {
  const parsed = ApiErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new AppError(code, message, fields);
  }
  const oauth = OAuthErrorSchema.safeParse(body);
  if (oauth.success && (oauth.data.error === 'invalid_grant' || oauth.data.error === 'invalid_client')) {
    return new AppError('unauthorized', PLAIN_MESSAGES.unauthorized!);
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'server' : 'server');
  const message = oauth.success ? (oauth.data.error_description ?? oauth.data.error) : (PLAIN_MESSAGES[code] ?? `The server answered ${status}.`);
  return new AppError(code, message);
}

export function offlineError(apiOrigin: string, cause: unknown): AppError {
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new AppError('offline', `Cannot reach the support service at ${apiOrigin}${detail}. Check your network or proxy.`);
}
