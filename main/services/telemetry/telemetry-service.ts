import { TelemetryAcceptedSchema, TelemetryEventSchema, type TelemetryEvent } from '../../../shared/api/privacy';
import type { UsageView } from '../../../shared/contract/privacy-contract';
import type { ApiClient } from '../api/api-client';
import { applyMigrations, type LocalDatabase } from '../local-db/local-database';

const KEEP_SENT = 200;
const BATCH = 100;

type Screen = TelemetryEvent['screen'];

/**
 * Anonymous usage statistics (P2.8). Nothing is recorded or sent without analytics consent; an event
 * is built from enums, the app version, the platform and the hour, so it cannot carry a user id or
 * anything personal; it goes to the API without credentials. Queue and sent log stay on this computer
 * so the user can see exactly what left it.
 */
export class TelemetryService {
  private consent = false;
  private startedRecorded = false;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly deps: { db: LocalDatabase; api: ApiClient; appVersion: string; platform: string; now?: () => number; /** false when enterprise policy turns usage statistics off. */ allowed?: () => boolean },
  ) {
    applyMigrations(deps.db, 'telemetry', [
      {
        version: 1,
        name: 'queue and sent log',
        up: `CREATE TABLE telemetry_queue (id INTEGER PRIMARY KEY, event TEXT NOT NULL);
             CREATE TABLE telemetry_sent (id INTEGER PRIMARY KEY, event TEXT NOT NULL, sent_at TEXT NOT NULL);`,
      },
    ]);
  }

  /** The signed-in user's analytics consent, as the service last reported it. Withdrawal drops the queue at once. */
  setConsent(granted: boolean): void {
    this.consent = granted && (this.deps.allowed?.() ?? true);
    if (!granted) {
      if (this.deps.db.open) this.deps.db.prepare('DELETE FROM telemetry_queue').run();
      return;
    }
    if (!this.startedRecorded) {
      this.startedRecorded = true;
      this.record('app.started');
    }
  }

  record(name: TelemetryEvent['name'], screen?: Screen): void {
    if (!this.consent || !this.deps.db.open) return;
    const event = TelemetryEventSchema.parse({
      name,
      hour: `${new Date((this.deps.now ?? Date.now)()).toISOString().slice(0, 13)}:00Z`,
      appVersion: /^\d+\.\d+\.\d+$/.test(this.deps.appVersion) ? this.deps.appVersion : '0.0.0',
      platform: (['win32', 'darwin', 'linux'] as const).find((p) => this.deps.platform.startsWith(p)) ?? 'other',
      ...(screen ? { screen } : {}),
    });
    this.deps.db.prepare('INSERT INTO telemetry_queue (event) VALUES (?)').run(JSON.stringify(event));
    void this.flush();
  }

  /** Sends what is queued; on failure it stays queued for the next event or start. */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => (this.flushing = null));
    return this.flushing;
  }

  view(): UsageView {
    const parse = (text: string) => TelemetryEventSchema.parse(JSON.parse(text));
    const db = this.deps.db;
    if (!db.open) return { consent: this.consent, queued: [], sent: [] };
    return {
      consent: this.consent,
      queued: (db.prepare('SELECT event FROM telemetry_queue ORDER BY id').all() as { event: string }[]).map((r) => parse(r.event)),
      sent: (db.prepare('SELECT event, sent_at FROM telemetry_sent ORDER BY id DESC').all() as { event: string; sent_at: string }[]).map((r) => ({
        event: parse(r.event),
        sentAt: r.sent_at,
      })),
    };
  }

  private async send(): Promise<void> {
    const db = this.deps.db;
    if (!this.consent || !db.open) return;
    const rows = db.prepare('SELECT id, event FROM telemetry_queue ORDER BY id LIMIT ?').all(BATCH) as { id: number; event: string }[];
    if (rows.length === 0) return;
    try {
      await this.deps.api.request({
        method: 'POST',
        path: '/telemetry/events',
        schema: TelemetryAcceptedSchema,
        body: { events: rows.map((r) => JSON.parse(r.event) as unknown) },
        auth: false,
      });
    } catch {
      return; // offline or refused: the events stay queued and visible
    }
    if (!db.open) return;
    const sentAt = new Date((this.deps.now ?? Date.now)()).toISOString();
    db.transaction(() => {
      for (const row of rows) {
        db.prepare('DELETE FROM telemetry_queue WHERE id = ?').run(row.id);
        db.prepare('INSERT INTO telemetry_sent (event, sent_at) VALUES (?, ?)').run(row.event, sentAt);
      }
      db.prepare('DELETE FROM telemetry_sent WHERE id NOT IN (SELECT id FROM telemetry_sent ORDER BY id DESC LIMIT ?)').run(KEEP_SENT);
    })();
  }
}
