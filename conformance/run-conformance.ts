import { AUTHORIZATION_CHECKS } from './checks/authorization-checks';
import { DOWNLOAD_CHECKS } from './checks/download-checks';
import { ERROR_CHECKS } from './checks/error-checks';
import { OAUTH_CHECKS } from './checks/oauth-checks';
import { PRIVACY_CHECKS } from './checks/privacy-checks';
import { TICKET_CHECKS } from './checks/ticket-checks';
import { ConformanceFailure, KitContext, type Check, type CheckResult } from './kit';
import { DEMO_USERS_FILE, type ConformanceUsers } from './users';

/** Every check, in the order they run; the erasure is last because it ends an account. */
export const ALL_CHECKS: Check[] = [...OAUTH_CHECKS, ...ERROR_CHECKS, ...TICKET_CHECKS, ...DOWNLOAD_CHECKS, ...AUTHORIZATION_CHECKS, ...PRIVACY_CHECKS];

export type ConformanceOptions = {
  apiUrl: string;
  users?: ConformanceUsers;
  /** Only the checks whose id starts with one of these (e.g. `idempotency`, `oauth.refresh`). */
  only?: string[];
  onResult?: (result: CheckResult) => void;
};

/**
 * Runs the contract's behaviour against the API at `apiUrl`, one check after another (each on its own
 * data, so one failure does not hide the next), and returns every result.
 */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const kit = new KitContext(options.apiUrl.replace(/\/+$/, ''), options.users ?? DEMO_USERS_FILE);
  const checks = ALL_CHECKS.filter((check) => !options.only?.length || options.only.some((prefix) => check.id === prefix || check.id.startsWith(`${prefix}.`) || check.id.startsWith(prefix)));
  const results: CheckResult[] = [];
  for (const check of checks) {
    const started = performance.now();
    let result: CheckResult;
    try {
      const outcome = await check.run(kit);
      result = outcome ? { id: check.id, title: check.title, status: 'skipped', detail: outcome.skipped, ms: 0 } : { id: check.id, title: check.title, status: 'passed', detail: '', ms: 0 };
    } catch (error) {
      // A broken expectation names what differed; anything else (a refused connection, a sign-in that failed) says what it was.
      const detail = error instanceof ConformanceFailure ? error.message : `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      result = { id: check.id, title: check.title, status: 'failed', detail, ms: 0 };
    }
    result.ms = Math.round(performance.now() - started);
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
