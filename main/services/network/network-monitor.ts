import { HealthSchema } from '../../../shared/api';
import type { NetworkStatus } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../api/api-client';
import { Emitter } from '../emitter';

/**
 * Online means "the support service answers", not "a network cable is in": that is what decides
 * whether a user's action can reach the service. Real traffic reports in too, so the indicator
 * flips on the first failed call instead of waiting for the next poll.
 */
export class NetworkMonitor {
  readonly onDidChange = new Emitter<NetworkStatus>();
  private status: NetworkStatus;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.status = { online: false, apiUrl: api.baseUrl, checkedAt: now().toISOString(), problem: 'Not checked yet.' };
  }

  get(): NetworkStatus {
    return this.status;
  }

  async check(): Promise<NetworkStatus> {
    try {
      await this.api.request({ method: 'GET', path: '/health', schema: HealthSchema, auth: false });
      this.report(true);
    } catch (error) {
      this.report(false, error instanceof AppError ? error.message : 'The support service did not answer.');
    }
    return this.status;
  }

  report(online: boolean, problem?: string): void {
    const changed = online !== this.status.online || problem !== this.status.problem;
    this.status = { online, apiUrl: this.api.baseUrl, checkedAt: this.now().toISOString(), ...(online || !problem ? {} : { problem }) };
    if (changed) this.onDidChange.fire(this.status);
  }

  start(intervalMs = 30_000): void {
    void this.check();
    this.timer ??= setInterval(() => void this.check(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
