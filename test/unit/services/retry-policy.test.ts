import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { backoffDelay, isRetryable, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from '../../../main/services/api/retry-policy';

describe('the one retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP-date, caps it, and ignores what it cannot read', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0); // already past
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('2026-10-21', now)).toBeNull(); // not an HTTP-date
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('backs off by doubling with jitter between half and the whole step, capped', () => {
    expect(backoffDelay(1, { baseDelayMs: 1000, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { baseDelayMs: 1000, random: () => 1 })).toBe(1000);
    expect(backoffDelay(3, { baseDelayMs: 1000, random: () => 1 })).toBe(4000);
    expect(backoffDelay(30, { baseDelayMs: 1000, maxDelayMs: 60_000, random: () => 1 })).toBe(60_000);
  });

  it('retries what may pass later and waits at least what the server asked', () => {
    for (const code of ['offline', 'timeout', 'server', 'rate_limited'] as const) expect(isRetryable(new AppError(code, 'x'))).toBe(true);
    for (const code of ['unauthorized', 'forbidden', 'not_found', 'validation', 'conflict'] as const) expect(isRetryable(new AppError(code, 'x'))).toBe(false);
    const busy = new AppError('rate_limited', 'busy');
    busy.retryAfterMs = 45_000;
    expect(retryDelay(busy, 1, { baseDelayMs: 1000, random: () => 1 })).toBe(45_000);
    expect(retryDelay(new AppError('server', 'x'), 1, { baseDelayMs: 1000, random: () => 1 })).toBe(1000);
  });
});
