import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';
import { LOG_LEVELS, type LogContext, type LogLevel, type LogSink } from './log';

/** One file per process (main, renderer, the docs-import worker; the preview's own), rotated by size. */
export type LogProcess = 'main' | 'renderer' | 'worker' | 'preview';

export interface LogFileOptions {
  folder: string;
  level?: LogLevel;
  /** Rotate at this size (pino-roll: '5m' is 5 MB) and keep this many rotated files besides the current one. */
  maxSize?: string;
  keep?: number;
}

export interface LogFile extends LogSink {
  readonly process: LogProcess;
  /** The file written now (pino-roll numbers them: main.1.log, main.2.log, …). */
  currentFile(): string | null;
  /** Resolves once everything logged so far is on disk. */
  flush(): Promise<void>;
  close(): void;
}

/** The level from ESD_LOG_LEVEL (debug for a support engineer's session), else info. */
export function levelFromEnvironment(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const wanted = env.ESD_LOG_LEVEL?.toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(wanted ?? '') ? (wanted as LogLevel) : 'info';
}

/** pino writing JSON lines through pino-roll in this process (no transport worker: nothing to bundle separately). */
export async function openLogFile(processName: LogProcess, options: LogFileOptions): Promise<LogFile> {
  const stream = (await pinoRoll({ file: join(options.folder, processName), size: options.maxSize ?? '5m', limit: { count: options.keep ?? 4 }, mkdir: true })) as unknown as NodeJS.WritableStream & { fd: number; _writing?: boolean; end(): void };
  // SonicBoom opens the file asynchronously: wait, so that the first flush really reaches the disk.
  if (stream.fd < 0) await new Promise((resolve) => stream.once('ready', resolve));
  const logger = pino({ level: options.level ?? 'info', base: { process: processName, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, stream as pino.DestinationStream);
  return {
    process: processName,
    // Entries arrive already redacted (log.ts); pino only formats and writes them.
    write: (level: LogLevel, message: string, context: LogContext | undefined) => (context ? logger[level](context, message) : logger[level](message)),
    currentFile: () => newestLogFile(options.folder, processName),
    // SonicBoom answers flush() at once when it buffers nothing (minLength 0), though a write may be under way: wait for its 'drain'.
    flush: () => new Promise<void>((resolve) => (stream._writing ? stream.once('drain', () => resolve()) : resolve())),
    close: () => stream.end(),
  };
}

/** This process's log files, newest first (pino-roll numbers them upwards). */
export function logFilesNewestFirst(folder: string, processName: LogProcess): string[] {
  if (!existsSync(folder)) return [];
  const pattern = new RegExp(`^${processName}\\.(\\d+)\\.log$`);
  return readdirSync(folder)
    .map((name) => ({ name, n: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter((file) => Number.isFinite(file.n))
    .sort((a, b) => b.n - a.n)
    .map((file) => join(folder, file.name));
}

export function newestLogFile(folder: string, processName: LogProcess): string | null {
  return logFilesNewestFirst(folder, processName)[0] ?? null;
}

/** The last lines of a process's log, for the diagnostics bundle (already redacted when written). */
export function tailOfLog(folder: string, processName: LogProcess, lines = 200): string[] {
  // Just after a rotation the newest file is nearly empty: the rest comes from the one before.
  const collected: string[] = [];
  for (const file of logFilesNewestFirst(folder, processName)) {
    collected.unshift(...lastLines(file, lines - collected.length));
    if (collected.length >= lines) break;
  }
  return collected;
}

function lastLines(file: string, lines: number): string[] {
  // Only the end of the file: a full 5 MB log is read in a few milliseconds, but nothing needs more than this.
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 256 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    const whole = size === length ? text : text.slice(text.indexOf('\n') + 1);
    return whole.split('\n').filter(Boolean).slice(-lines);
  } finally {
    closeSync(fd);
  }
}
