import { AppError, toErrorShape, type ErrorCode } from '../../../shared/errors';

/**
 * The one retry policy for calls to the Support API: the API client's immediate retries, the
 * outboxes' later deliveries and the downloads' reconnects all use these codes and this backoff.
 */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['offline', 'timeout', 'server', 'rate_limited']);

export interface BackoffOptions {
  baseDelayMs?: number | undefined;
  maxDelayMs?: number | undefined;
  random?: (() => number) | undefined;
}

/** Worth another try later (no network, timeout, 5xx, 408, 429); anything else was refused for good. */
export function isRetryable(error: unknown): boolean {
  return RETRYABLE_CODES.has(toErrorShape(error).code);
}

/**
 * The wait before retry number `attempt` (1 for the first): doubling from the base, capped, with
 * jitter (half to the whole of it) so that many clients cut off together do not come back in step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = Math.min(options.maxDelayMs ?? 60_000, (options.baseDelayMs ?? 1000) * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + (options.random ?? Math.random)() / 2));
}

/** A server will not ask for more than this; a longer Retry-After is read as this (RFC 9110 lets us choose). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Reads a Retry-After header (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/GMT$/i.test(text)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

/** The wait before retry `attempt`: the backoff, or longer when the server said when to come back. */
export function retryDelay(error: unknown, attempt: number, options: BackoffOptions = {}): number {
  const asked = error instanceof AppError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(asked, backoffDelay(attempt, options));
}
