import { arch, release, type } from 'node:os';

const SECRET_KEY = /pass|secret|token|credential|cookie|auth|key/i;

/** Settings without anything that could be a secret: such keys are dropped, user:password@ is cut from URLs. */
export function redactSettings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSettings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, child]) => [key, redactSettings(child)]),
    );
  }
  if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) return value.replace(/\/\/[^/]*@/, '//');
  return value;
}

/** The last lines of what the tickets domain did (no titles, texts or personal data), for a diagnostics bundle. */
export class RecentLog {
  private readonly entries: string[] = [];

  constructor(
    private readonly limit = 100,
    private readonly now: () => number = Date.now,
  ) {}

  add(line: string): void {
    this.entries.push(`${new Date(this.now()).toISOString()} ${line}`);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  lines(): string[] {
    return [...this.entries];
  }
}

/** What the user previews before it is attached: exactly this text is what gets sent. */
export function diagnosticsBundle(info: { version: string; platform: string; settings: unknown; log: string[]; appLog?: string[]; outbox: { waiting: number }; now: number }): string {
  return JSON.stringify(
    {
      generatedAt: new Date(info.now).toISOString(),
      app: { version: info.version, platform: info.platform },
      os: { type: type(), release: release(), arch: arch() },
      settings: redactSettings(info.settings),
      outbox: info.outbox,
      recentLog: info.log,
      // The end of the app's log file: what a support engineer reads first. Redacted when it was written.
      appLog: info.appLog ?? [],
    },
    null,
    2,
  );
}
