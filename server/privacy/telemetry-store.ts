import type { Database } from 'better-sqlite3';
import type { TelemetryEvent } from '../../shared/api/privacy';

/** Anonymous usage statistics (P2.8), in a table with no link to any person. */
export class TelemetryStore {
  constructor(private readonly db: Database) {}

  add(events: TelemetryEvent[]): number {
    const insert = this.db.prepare('INSERT INTO telemetry_events (name, hour, app_version, platform, screen) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => events.forEach((e) => insert.run(e.name, e.hour, e.appVersion, e.platform, e.screen ?? null)))();
    return events.length;
  }
}
