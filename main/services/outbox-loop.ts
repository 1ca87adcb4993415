import { toErrorShape, type AppErrorShape } from '../../shared/errors';
import { log } from './logging/log';
import { isRetryable } from './api/retry-policy';

/**
 * What a failed delivery means for a queued item: wait for the user to sign in again (401), try
 * again later (the retry policy's codes: no network, timeout, 5xx, 408, 429), or drop it because the
 * service refused it.
 */
export function classifyFailure(error: unknown): { kind: 'sign-in' | 'retry' | 'refused'; shape: AppErrorShape } {
  const shape = toErrorShape(error);
  const kind = shape.code === 'unauthorized' ? 'sign-in' : isRetryable(error) ? 'retry' : 'refused';
  return { kind, shape };
}

/** Where a failed run goes when its owner gives no other place. */
export const reportRunFailure = (error: unknown) => log.error('An outbox run failed', { error });

/**
 * The run loop every outbox needs: one drain at a time (concurrent flushes share it, so a queue is
 * never sent twice at once), a re-run when a flush arrives mid-run, one timer for the next due item.
 */
export class OutboxLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private resetRequested = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private halted = false;

  constructor(
    private readonly drain: () => Promise<void>,
    /** Makes every waiting item due now (the network came back, the user asked). */
    private readonly resetBackoff: () => void,
    /**
     * A run that threw (the local database failed, say). Flushes are started with `void` from timers
     * and events, so a rejection here would be unhandled and end the process: it is reported instead.
     */
    private readonly onError: (error: unknown) => void = reportRunFailure,
  ) {}

  get stopped(): boolean {
    return this.halted;
  }

  flush(options: { ignoreBackoff?: boolean } = {}): Promise<void> {
    // Applied by the run itself, so an attempt failing right now cannot re-arm the wait afterwards.
    if (options.ignoreBackoff) this.resetRequested = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          if (this.resetRequested) {
            this.resetRequested = false;
            this.resetBackoff();
          }
          await this.drain();
        } while (this.again && !this.halted);
      } catch (error) {
        this.onError(error);
      }
    })().finally(() => (this.running = null));
    return this.running;
  }

  schedule(delayMs: number): void {
    if (this.halted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, Math.max(0, delayMs));
    this.timer.unref?.();
  }

  stop(): void {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
