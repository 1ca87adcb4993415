import { randomUUID } from 'node:crypto';
import { Emitter } from '../emitter';

export interface ProxyChallenge {
  host: string;
  port: number;
  realm?: string;
}

export interface ProxyCredentials {
  username: string;
  password: string;
}

/** What the renderer shows in the sign-in prompt. */
export interface ProxyLoginRequest extends ProxyChallenge {
  id: string;
  /** True when the proxy refused what was typed last time. */
  retry: boolean;
}

const MAX_PROMPTS_PER_PROXY = 3;

/**
 * Asks the user for a proxy's credentials when it answers 407 (Electron's app 'login' event with
 * isProxy, or the test's proxy client). Requests waiting on the same proxy share one prompt;
 * credentials live only in memory for this run; after three refusals the app stops asking.
 */
export class ProxyLoginService {
  readonly onDidRequest = new Emitter<ProxyLoginRequest>();
  readonly onDidSettle = new Emitter<{ id: string }>();
  private readonly pending = new Map<string, { key: string; resolve: (value: ProxyCredentials | null) => void }>();
  private readonly inFlight = new Map<string, Promise<ProxyCredentials | null>>();
  private readonly prompts = new Map<string, number>();

  /** Resolves with credentials, or null when the user cancels or the app gave up on this proxy. */
  credentialsFor(challenge: ProxyChallenge): Promise<ProxyCredentials | null> {
    const key = `${challenge.host.toLowerCase()}:${challenge.port}`;
    const waiting = this.inFlight.get(key);
    if (waiting) return waiting;
    const count = this.prompts.get(key) ?? 0;
    if (count >= MAX_PROMPTS_PER_PROXY) return Promise.resolve(null);
    this.prompts.set(key, count + 1);
    const id = randomUUID();
    const answer = new Promise<ProxyCredentials | null>((resolve) => this.pending.set(id, { key, resolve }));
    this.inFlight.set(key, answer);
    void answer.finally(() => this.inFlight.delete(key));
    this.onDidRequest.fire({ id, host: challenge.host, port: challenge.port, ...(challenge.realm ? { realm: challenge.realm } : {}), retry: count > 0 });
    return answer;
  }

  /** The user's answer; false when the prompt is no longer waiting (answered elsewhere, or unknown). */
  answer(id: string, credentials: ProxyCredentials | null): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    // A cancel stops further prompts for this proxy until the app restarts or the proxy settings change.
    if (!credentials) this.prompts.set(entry.key, MAX_PROMPTS_PER_PROXY);
    entry.resolve(credentials);
    this.onDidSettle.fire({ id });
    return true;
  }

  /** The proxy settings changed: forget refusals and cancel open prompts. */
  reset(): void {
    for (const id of [...this.pending.keys()]) this.answer(id, null);
    this.prompts.clear();
  }
}
