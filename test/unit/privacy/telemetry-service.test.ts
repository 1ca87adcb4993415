import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/api/api-client';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import { TelemetryService } from '../../../main/services/telemetry/telemetry-service';

/** A telemetry service whose API cannot be reached, so everything it records stays queued. */
function offlineTelemetry() {
  const db = openLocalDatabase(join(mkdtempSync(join(tmpdir(), 'esd-telemetry-')), 'local.sqlite'));
  const api = new ApiClient({ baseUrl: 'http://127.0.0.1:9', fetch, retries: 0 });
  return new TelemetryService({ db, api, appVersion: '1.2.3', platform: 'linux', now: () => Date.UTC(2026, 5, 1, 12, 34, 56) });
}

describe('telemetry queue (P2.8, P5.5)', () => {
  it('records nothing without analytics consent', async () => {
    const telemetry = offlineTelemetry();
    telemetry.record('screen.viewed', 'docs');
    await telemetry.flush();
    expect(telemetry.view()).toEqual({ consent: false, queued: [], sent: [] });
  });

  it('shows exactly what is queued, truncated to the hour, while the service cannot be reached', async () => {
    const telemetry = offlineTelemetry();
    telemetry.setConsent(true);
    telemetry.record('screen.viewed', 'tickets');
    await telemetry.flush();
    expect(telemetry.view().queued).toEqual([
      { name: 'app.started', hour: '2026-06-01T12:00Z', appVersion: '1.2.3', platform: 'linux' },
      { name: 'screen.viewed', hour: '2026-06-01T12:00Z', appVersion: '1.2.3', platform: 'linux', screen: 'tickets' },
    ]);
  });

  it('P5.5 withdrawing analytics consent drops what is queued at once', async () => {
    const telemetry = offlineTelemetry();
    telemetry.setConsent(true);
    telemetry.record('export.requested');
    expect(telemetry.view().queued).toHaveLength(2);
    telemetry.setConsent(false);
    telemetry.record('screen.viewed', 'privacy');
    expect(telemetry.view()).toEqual({ consent: false, queued: [], sent: [] });
  });
});
