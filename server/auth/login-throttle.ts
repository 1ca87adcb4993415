/**
 * Counts failed sign-ins per account (by lower-cased e-mail) in a sliding window. Per-IP limits alone
 * do not stop a slow, distributed guess at one person's password; this does. Kept in memory: a
 * restart forgets the count, which is acceptable for the reference server.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  isLocked(email: string): boolean {
    return this.recent(email).length >= this.maxFailures;
  }

  recordFailure(email: string): void {
    const key = email.trim().toLowerCase();
    this.failures.set(key, [...this.recent(key), this.now()]);
    // Bound memory under a spray of made-up addresses.
    if (this.failures.size > 10_000) for (const k of this.failures.keys()) if (this.recent(k).length === 0) this.failures.delete(k);
  }

  reset(email: string): void {
    this.failures.delete(email.trim().toLowerCase());
  }

  private recent(email: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(email.trim().toLowerCase()) ?? []).filter((at) => at > since);
  }
}
