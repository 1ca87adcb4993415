import axios, { type AxiosInstance, type Method } from 'axios';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { assertSafeApiUrl } from './api-url-policy';
import { errorFromResponse, offlineError } from './http-errors';

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

// Only calls that can be repeated without a second effect are retried (RFC 9110 section 9.2.2).
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRYABLE_CODES = new Set(['offline', 'timeout', 'server', 'rate_limited']);

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
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(req);
      } catch (error) {
        const retryable = error instanceof AppError && RETRYABLE_CODES.has(error.code);
        if (!retryable || attempt >= retries) throw error;
        const base = (this.options.baseDelayMs ?? 300) * 2 ** attempt;
        await sleep(base / 2 + Math.random() * base);
      }
    }
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
    let response;
    try {
      response = await this.http.request({ method: req.method, url: req.path, data, headers });
    } catch (cause) {
      const timedOut = axios.isAxiosError(cause) && (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT');
      const error = timedOut
        ? new AppError('timeout', `The support service did not answer in time (${new URL(this.baseUrl).origin}).`)
        : offlineError(new URL(this.baseUrl).origin, cause);
      this.options.onReachability?.(false, error.message);
      throw error;
    }
    this.options.onReachability?.(true);
    if (response.status === 401 && headers.Authorization) this.options.onUnauthorized?.();
    if (response.status >= 400) throw errorFromResponse(response.status, response.data);
    const parsed = req.schema.safeParse(response.data);
    if (!parsed.success) throw new AppError('server', 'The support service sent an answer this app does not understand.');
    return parsed.data;
  }
}
