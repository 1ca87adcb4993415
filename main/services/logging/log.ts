import { Redactor } from './redact';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogContext = Record<string, unknown>;

/** Where redacted entries go: a rotating file (log-files.ts) in the app, memory in tests. */
export interface LogSink {
  write(level: LogLevel, message: string, context: LogContext | undefined): void;
}

export interface Log {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

/**
 * The main process's log, one per process like electron-log's: services import it rather than
 * receive it, so that a failure deep in a background loop can always be logged. Until the
 * composition root installs the file sink, entries go to stderr (tests, the docs command line).
 * Everything passes the redactor first, whatever the sink.
 */
export const redactor = new Redactor();
let sink: LogSink = { write: (level, message, context) => console.error(`[${level}] ${message}`, context ?? '') };

export function installLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

const entry = (level: LogLevel) => (message: string, context?: LogContext) => sink.write(level, redactor.text(message), context ? (redactor.value(context) as LogContext) : undefined);

export const log: Log = { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };

/**
 * For `.catch()` on background work that must not end the process: the failure is logged with what
 * was being done, instead of vanishing (issue 14: every swallowed failure had `() => undefined`).
 */
export function logFailure(what: string, context?: LogContext, level: LogLevel = 'warn'): (error: unknown) => undefined {
  return (error) => {
    log[level](what, { ...context, error });
    return undefined;
  };
}
