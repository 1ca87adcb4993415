import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, type Method } from 'axios';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { assertSafeApiUrl } from './api-url-policy';
import { errorFromResponse, offlineError } from './http-errors';
import { isRetryable, retryDelay } from './retry-policy';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  baseUrl: string;
  /** Electron's session.fetch in the app (system proxy, OS certificates); Node's fetch in tests. */
  fetch: FetchLike;
  /** Supplies a fresh bearer token, or null when the call needs none. */
  getAccessToken?: () => Promise<string | null>;
  retries?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told after every attempt whether the API answered, so the online indicator follows real traffic. */
  onReachability?: (reachable: boolean, problem?: string) => void;
  /** Told when the server refused a bearer token, so the session can end instead of failing silently. */
  onUnauthorized?: () => void;
  /** The app's language, sent as Accept-Language so texts the API holds (licences, summaries) come in it. */
  language?: () => string;
}

export interface ApiRequest<S extends z.ZodType> {
  method: Method;
  path: string;
  schema: S;
  body?: unknown;
  /** Form-encoded body (OAuth endpoints), instead of JSON. */
  form?: Record<string, string>;
  auth?: boolean;
  /** A specific bearer token (used right after the code exchange, before the session holds it). */
  bearer?: string;
  /** Extra request headers (an Idempotency-Key, for example). */
  headers?: Record<string, string>;
}

/** A call whose body is a stream (downloads, attachments): the caller reads or sends the bytes itself. */
export interface StreamRequest {
  method?: Method;
  /** A path on the API, or an absolute URL on the API's own origin (a download link the API gave). */
  url: string;
  headers?: Record<string, string>;
  body?: ReadableStream<Uint8Array>;
  signal?: AbortSignal;
  /** Statuses the caller handles itself (206, 416...); any other status of 400 or more becomes an AppError. */
  accept?: (status: number) => boolean;
}

export interface StreamResponse {
  status: number;
  header(name: string): string | null;
  body: ReadableStream<Uint8Array> | null;
  /** Drops an unread body so the connection is released. */
  discard(): Promise<void>;
}

// Only calls that can be repeated without a second effect are retried (RFC 9110 section 9.2.2).
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
// An interactive call waits at most this long for a retry; a longer Retry-After is left to the outboxes.
const MAX_IMMEDIATE_WAIT_MS = 10_000;

export class ApiClient {
  readonly baseUrl: string;
  private readonly http: AxiosInstance;
  private readonly options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.baseUrl = assertSafeApiUrl(options.baseUrl);
    this.options = options;
    this.http = axios.create({
      baseURL: this.baseUrl,
      adapter: 'fetch',
      env: { fetch: options.fetch },
      timeout: options.timeoutMs ?? 15_000,
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  async request<S extends z.ZodType>(req: ApiRequest<S>): Promise<z.output<S>> {
    const retries = IDEMPOTENT.has(req.method.toUpperCase()) ? (this.options.retries ?? 2) : 0;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(req);
      } catch (error) {
        if (!isRetryable(error) || attempt > retries) throw error;
        const wait = retryDelay(error, attempt, { baseDelayMs: this.options.baseDelayMs ?? 300 });
        if (wait > MAX_IMMEDIATE_WAIT_MS) throw error;
        await sleep(wait);
      }
    }
  }

  /**
   * A call whose bytes the caller streams (a download, an attachment), through the same client as
   * every other call: the same bearer token, reachability reports, 401 handling and error mapping.
   * No overall timeout: a large file may take hours; the caller's signal stops it.
   */
  async stream(req: StreamRequest): Promise<StreamResponse> {
    const url = new URL(req.url, this.baseUrl);
    if (url.origin !== new URL(this.baseUrl).origin) throw new AppError('validation', 'That address is not on the support service.');
    const headers: Record<string, string> = { ...req.headers };
    const token = await this.options.getAccessToken?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await this.send({ method: req.method ?? 'GET', url: url.href, headers, data: req.body, signal: req.signal, responseType: 'stream', timeout: 0 });
    const body = (response.data ?? null) as ReadableStream<Uint8Array> | null;
    const result: StreamResponse = {
      status: response.status,
      header: (name) => {
        const value: unknown = response.headers[name.toLowerCase()];
        return value === undefined || value === null ? null : String(value);
      },
      body,
      discard: async () => {
        await body?.cancel().catch(() => undefined);
      },
    };
    if (response.status >= 400 && !req.accept?.(response.status)) {
      const errorBody: unknown = body ? await new Response(body).json().catch(() => undefined) : undefined;
      throw errorFromResponse(response.status, errorBody, result.header('retry-after'));
    }
    return result;
  }

  /** Every request leaves through here: timeouts and network failures mapped, reachability and 401 reported. */
  private async send(config: AxiosRequestConfig & { headers: Record<string, string> }): Promise<AxiosResponse> {
    let response: AxiosResponse;
    try {
      response = await this.http.request(config);
    } catch (cause) {
      if (config.signal && (config.signal as AbortSignal).aborted) throw cause;
      const timedOut = axios.isAxiosError(cause) && (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT');
      const error = timedOut
        ? new AppError('timeout', `The support service did not answer in time (${new URL(this.baseUrl).origin}).`)
        : offlineError(new URL(this.baseUrl).origin, cause);
      this.options.onReachability?.(false, error.message);
      throw error;
    }
    this.options.onReachability?.(true);
    if (response.status === 401 && config.headers.Authorization) this.options.onUnauthorized?.();
    return response;
  }

  private async once<S extends z.ZodType>(req: ApiRequest<S>): Promise<z.output<S>> {
    const headers: Record<string, string> = { ...req.headers, Accept: 'application/json' };
    const language = this.options.language?.();
    if (language) headers['Accept-Language'] = language === 'en' ? 'en' : `${language}, en;q=0.5`;
    if (req.bearer) headers.Authorization = `Bearer ${req.bearer}`;
    else if (req.auth !== false && this.options.getAccessToken) {
      const token = await this.options.getAccessToken();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    let data: unknown = req.body;
    if (req.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      data = new URLSearchParams(req.form).toString();
    }
    const response = await this.send({ method: req.method, url: req.path, data, headers });
    if (response.status >= 400) throw errorFromResponse(response.status, response.data, response.headers['retry-after'] as string | undefined);
    const parsed = req.schema.safeParse(response.data);
    if (!parsed.success) throw new AppError('server', 'The support service sent an answer this app does not understand.');
    return parsed.data;
  }
}
