import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Child {
  /** Resolves with the first stdout line matching `pattern`; rejects if the child exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** kill -9: no handler, no flush, no clean-up runs in the child. */
  kill9(): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Runs a TypeScript file of test/faults/children in its own Node process (TypeScript through tsx's
 * loader), with `env` added: the process a fault test kills.
 */
export function runChild(script: string, env: Record<string, string>): Child {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that a
  // SIGKILL of the CLI would leave running.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(process.cwd(), 'test', 'faults', 'children', script)], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const line of stdout.split('\n')) {
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    exited,
    output: () => stdout + stderr,
    waitForLine: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = stdout.split('\n').find((line) => pattern.test(line));
        if (seen !== undefined) return resolve(seen);
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`The child exited (${code}) before printing ${pattern}:\n${stdout}${stderr}`)));
      }),
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls until `check` returns a value other than undefined (files another process is writing). */
export async function until<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
