import { randomUUID } from 'node:crypto';

/** One answer, read whole: status, headers, the raw bytes, and the JSON body when it is JSON. */
export type Answer = { status: number; headers: Headers; bytes: Buffer; text: string; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- every check validates what it reads

export type CallOptions = { token?: string | null; json?: unknown; form?: Record<string, string>; headers?: Record<string, string>; key?: string };

/** A caller of the API under test: plain fetch, nothing cached, no redirect followed. */
export class ApiCaller {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  as(token: string | null): ApiCaller {
    return new ApiCaller(this.baseUrl, token);
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    let parsed: unknown;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { status: response.status, headers: response.headers, bytes, text, body: parsed };
  }
}

/** A fresh Idempotency-Key. */
export const newKey = () => `conformance-${randomUUID()}`;
