import { writeFileSync } from 'node:fs';
import type { RecoveryItem, RecoveryReport } from '../../../shared/contract/recovery-contract';
import { Emitter } from '../emitter';
import { isCorruption } from '../local-db/sqlite-errors';
import { log } from '../logging/log';

/**
 * What was found damaged in the data folder and what was kept (the notice the renderer shows until
 * the user dismisses it), and the watch for damage found while the app runs: the first corruption
 * error from a bridge call or a background task marks the database for recovery and asks the platform
 * to restart the services (the same recovery as at start-up).
 */
export class RecoveryService {
  readonly onDidChange = new Emitter<RecoveryReport>();
  /** Fired once per database: the platform restarts the services (the app relaunches; the preview recomposes). */
  readonly onDidDetectDamage = new Emitter<void>();
  private items: RecoveryItem[];
  private damageFound = false;

  constructor(private readonly options: { dataFolder: string; damageMarker: string; items: RecoveryItem[] }) {
    this.items = [...options.items];
  }

  report(): RecoveryReport {
    return { dataFolder: this.options.dataFolder, items: this.items };
  }

  /** The user read the notice: it is not shown again. */
  dismiss(): void {
    this.items = [];
    this.onDidChange.fire(this.report());
  }

  /** Any error from the local database; returns true when it means the file is damaged (and recovery starts). */
  noticeError(error: unknown): boolean {
    if (!isCorruption(error)) return false;
    if (this.damageFound) return true;
    this.damageFound = true;
    log.error('The local database is damaged; recovering', { error });
    try {
      writeFileSync(this.options.damageMarker, new Date().toISOString());
    } catch {
      // Without the marker the start-up check still finds the damage it can see.
    }
    this.onDidDetectDamage.fire();
    return true;
  }
}
