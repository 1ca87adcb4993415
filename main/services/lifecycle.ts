/**
 * The order services stop in, kept by the composition root (VS Code's DisposableStore, in reverse):
 * what was built first stops last, so nothing outlives what it writes to (the local database closes
 * after the download engine has written each running job's resumable state). Each stop is awaited;
 * one that fails is reported and the rest still stop.
 */
export class Lifecycle {
  private readonly stops: { name: string; stop: () => unknown }[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly onStopError: (name: string, error: unknown) => void = (name, error) => console.error(`Stopping ${name} failed`, error)) {}

  /** Registers what undoes a service; call it right after building the service. */
  onStop(name: string, stop: () => unknown): void {
    if (this.stopping) throw new Error(`${name} was built after the services began to stop.`);
    this.stops.push({ name, stop });
  }

  get stopped(): boolean {
    return this.stopping !== null;
  }

  /** Stops everything in reverse order of registration, awaiting each; later calls share the first. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const { name, stop } of [...this.stops].reverse()) {
        try {
          await stop();
        } catch (error) {
          this.onStopError(name, error);
        }
      }
    })();
    return this.stopping;
  }
}
