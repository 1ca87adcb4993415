import { z } from 'zod';
import { DownloadReasonSchema, type DownloadReason } from './contract/download-reason';

/**
 * Stable error codes. They cross every boundary (server JSON, bridge results, renderer messages),
 * so they are part of the contract: add codes, never rename them.
 */
export const ERROR_CODES = [
  'unauthorized', // not signed in, or the session ended
  'forbidden', // signed in, but not allowed
  'offline', // the API could not be reached
  'timeout',
  'validation', // input failed its schema; `fields` says which
  'not_found',
  'conflict',
  'rate_limited',
  'server', // the API failed
  'unknown_channel', // bridge: no such method
  'forbidden_sender', // bridge: the caller is not the app's own top-level page
  'cancelled',
  'insecure_url', // a URL that must be https (or loopback) was not
  'storage', // local storage failed
  'internal', // a bug: an unexpected exception in a service
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Per-field messages for `validation` errors, keyed by field path ("email", "address.city"). */
  fields: z.record(z.string(), z.string()).optional(),
  /** A download that FAILed verification: its verdict's code and figures, for the screen to word (the message stays English). */
  downloadReason: DownloadReasonSchema.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

/** The one error class thrown by services and the API client; serialised as AppErrorShape. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly downloadReason?: DownloadReason;
  /** How long the server asked us to wait before trying again (its Retry-After), in milliseconds. Not sent to the renderer. */
  retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, downloadReason?: DownloadReason) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
    if (downloadReason) this.downloadReason = downloadReason;
  }

  toJSON(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.downloadReason ? { downloadReason: this.downloadReason } : {}),
    };
  }

  static is(value: unknown): value is AppError {
    return value instanceof AppError;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Turns a zod failure into field messages keyed by dotted path ('' for the whole value). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError, message = 'Some values are not valid.'): AppError {
  return new AppError('validation', message, fieldErrors(error));
}

/** Normalises anything thrown into the error shape, hiding internals of unexpected exceptions. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof z.ZodError) return validationError(error).toJSON();
  return { code: 'internal', message: 'Something went wrong inside the app. Please try again.' };
}
