/** Speed over a sliding window (not since start), so the ETA follows a proxy that slows down or recovers. */
export class ProgressMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly now: () => number,
    private readonly windowMs = 5_000,
  ) {}

  sample(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > this.windowMs) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  bytesPerSecond(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at <= first.at) return 0;
    return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
  }

  etaSeconds(received: number, total: number): number | null {
    const speed = this.bytesPerSecond();
    if (speed <= 0) return null;
    return Math.max(0, Math.ceil((total - received) / speed));
  }
}
