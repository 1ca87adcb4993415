import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { IdempotencyKeySchema } from '../../shared/api/tickets';
import { AppError } from '../../shared/errors';

/** Keys are answered from the store for at least this long; older ones are purged. */
export const IDEMPOTENCY_RETENTION_MS = 48 * 3600_000;

export type StoredResponse = { status: number; body: unknown };

/** Thrown for a key reused with another body; the routes answer it with 422. */
export class KeyReuseError extends AppError {
  constructor() {
    super('validation', 'This Idempotency-Key was already used for a different request. Send a new key for a new request.');
  }
}

export function idempotencyKey(request: FastifyRequest): string {
  const parsed = IdempotencyKeySchema.safeParse(request.headers['idempotency-key']);
  if (!parsed.success) throw new AppError('validation', parsed.error.issues[0]!.message, { 'Idempotency-Key': parsed.error.issues[0]!.message });
  return parsed.data;
}

/** The key when the client sent one (checked like a required one), undefined when it sent none. */
export function optionalIdempotencyKey(request: FastifyRequest): string | undefined {
  return request.headers['idempotency-key'] === undefined ? undefined : idempotencyKey(request);
}

/** A stable fingerprint of what the request asked for (its scope and its parsed body). */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Runs `perform` at most once per (user, key): the result is stored in the same transaction as the
 * change it describes, so a client that lost the answer (connection dropped after the commit) gets
 * the original result when it retries, and a crash can never store one without the other.
 */
export class IdempotencyStore {
  private lastPurge = 0;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  run(userId: string, key: string, scope: string, bodyHash: string, perform: () => StoredResponse): StoredResponse {
    return this.db.transaction(() => {
      this.purge();
      const stored = this.lookup(userId, key, scope, bodyHash);
      if (stored) return stored;
      const result = perform();
      this.record(userId, key, scope, bodyHash, result);
      return result;
    })();
  }

  /** The stored answer for this key, or undefined when it is new; throws KeyReuseError on a different body. */
  lookup(userId: string, key: string, scope: string, bodyHash: string): StoredResponse | undefined {
    const row = this.db
      .prepare('SELECT scope, body_hash, status, response_json FROM idempotency_keys WHERE user_id = ? AND key = ?')
      .get(userId, key) as { scope: string; body_hash: string; status: number; response_json: string } | undefined;
    if (!row) return undefined;
    if (row.scope !== scope || row.body_hash !== bodyHash) throw new KeyReuseError();
    return { status: row.status, body: JSON.parse(row.response_json) };
  }

  record(userId: string, key: string, scope: string, bodyHash: string, result: StoredResponse): void {
    this.db
      .prepare('INSERT INTO idempotency_keys (user_id, key, scope, body_hash, status, response_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(userId, key, scope, bodyHash, result.status, JSON.stringify(result.body), this.now());
  }

  private purge(): void {
    const now = this.now();
    if (now - this.lastPurge < 3600_000) return;
    this.lastPurge = now;
    this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - IDEMPOTENCY_RETENTION_MS);
  }
}
