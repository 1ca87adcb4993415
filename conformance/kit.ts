import type { TokenResponse } from '../shared/api';
import { ApiCaller, type Answer } from './http-client';
import { signInWithPassword } from './oauth-client';
import type { ConformanceUsers, Role } from './users';

/** A behaviour of the contract that did not hold; its message is what the table prints. */
export class ConformanceFailure extends Error {}

/** Throws a ConformanceFailure unless `condition` holds. */
export function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** The answer has this status (one of them), or the check fails naming what came instead. */
export function expectStatus(answer: Answer, expected: number | number[], what: string): void {
  const allowed = [expected].flat();
  must(allowed.includes(answer.status), `${what}: expected ${allowed.join(' or ')}, got ${answer.status} ${answer.text.slice(0, 160)}`);
}

/** The API's error shape `{error: {code, message}}` with this code. */
export function expectError(answer: Answer, status: number, code: string, what: string): void {
  expectStatus(answer, status, what);
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  must(error && error.code === code && typeof error.message === 'string' && error.message.length > 0, `${what}: expected {error: {code: "${code}", message}}, got ${answer.text.slice(0, 160)}`);
}

export type Session = { caller: ApiCaller; tokens: TokenResponse; email: string };

/** What every check gets: the API, the users, and one signed-in session per role (signed in on first use). */
export class KitContext {
  readonly anonymous: ApiCaller;
  private readonly sessions = new Map<Role, Promise<Session>>();
  /** A word unique to this run, put into what the kit creates so its filters find only that. */
  readonly runId = `c${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  constructor(
    readonly apiUrl: string,
    readonly users: ConformanceUsers,
  ) {
    this.anonymous = new ApiCaller(apiUrl);
  }

  /** A new sign-in (authorization code + PKCE) of this role, never cached. */
  async signIn(role: Role): Promise<Session> {
    const user = this.users[role];
    if (!user) throw new ConformanceFailure(`No ${role} user in the users file.`);
    const tokens = await signInWithPassword(this.apiUrl, user.email, user.password);
    return { caller: new ApiCaller(this.apiUrl, tokens.access_token), tokens, email: user.email };
  }

  session(role: Role): Promise<Session> {
    let session = this.sessions.get(role);
    if (!session) {
      session = this.signIn(role);
      this.sessions.set(role, session);
    }
    return session;
  }

  async as(role: Role): Promise<ApiCaller> {
    return (await this.session(role)).caller;
  }
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';
export type Check = { id: string; title: string; run: (kit: KitContext) => Promise<void | { skipped: string }> };
export type CheckResult = { id: string; title: string; status: CheckStatus; detail: string; ms: number };

/** Waits for `probe` to return a value, polling every `everyMs`, failing after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    must(Date.now() < deadline, `${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
