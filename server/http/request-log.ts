import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import pinoRoll from 'pino-roll';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the reference API's log goes and how much of it (issue 19: two lines for every request wrote 213 MB in 90 s under load). */
export interface RequestLogOptions {
  /** pino's level: `warn` keeps only refused and failed requests, `silent` nothing. */
  level?: LogLevel;
  /** One successful request (status below 400) in this many is logged; every 4xx and 5xx is. 1 logs them all. */
  sampleEvery?: number;
  /** Where the JSON lines go (a rotating file from openRotatingLog); stdout when absent. */
  stream?: NodeJS.WritableStream & { end?: () => void };
}

export const DEFAULT_SAMPLE_EVERY = 100;

/**
 * Fastify's own request log lines, replaced: no "incoming request" line, and one line when a request
 * ends for every failure (warn for 4xx, error for 5xx) and for one success in `sampleEvery`, with the
 * count it stands for. The path is logged without its query string, which can carry an OAuth flow's
 * code and state.
 */
class SampledRequestLog extends LogController {
  private successes = 0;

  constructor(private readonly every: number) {
    super();
  }

  override incomingRequest(): void {}

  // The 404 is logged once, by requestCompleted.
  override routeNotFound(): void {}

  // 4xx are logged by requestCompleted; a 5xx keeps Fastify's line with the error and its stack.
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const failed = Boolean(error) || status >= 400;
    if (!failed && this.successes++ % this.every !== 0) return;
    const line = { method: request.method, path: request.url.split('?')[0], status, ms: Math.round(reply.elapsedTime), ...(failed ? {} : { sampled: this.every }) };
    if (error || status >= 500) reply.log.error({ ...line, ...(error ? { err: error } : {}) }, 'request failed');
    else if (failed) reply.log.warn(line, 'request refused');
    else reply.log.info(line, 'request');
  }
}

/** Fastify factory options for the request log: pino at the level asked, lines from SampledRequestLog. */
export function loggerOptions(log: RequestLogOptions | undefined) {
  if (!log) return { logger: false as const };
  return {
    logger: { level: log.level ?? 'info', ...(log.stream ? { stream: log.stream } : {}) },
    logController: new SampledRequestLog(Math.max(1, Math.floor(log.sampleEvery ?? DEFAULT_SAMPLE_EVERY))),
  };
}

/** Closes the log file with the server, so its last lines are written. */
export function closeLogWithServer(app: FastifyInstance, log: RequestLogOptions | undefined): void {
  if (log?.stream?.end) app.addHook('onClose', async () => log.stream?.end?.());
}

/** A log file rotated by size, keeping the newest `keep` rolled files besides the one being written (pino-roll). */
export async function openRotatingLog(file: string, options: { maxSize: string; keep: number }): Promise<NodeJS.WritableStream & { end: () => void }> {
  await mkdir(dirname(file), { recursive: true });
  return pinoRoll({ file, size: options.maxSize, limit: { count: options.keep }, mkdir: true });
}
