import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AccountState } from './account-state';
import { ConsentsStore } from './consents-store';
import { DisclosureRegister } from './disclosures';
import { Erasure } from './erasure';
import { ExportStore } from './export/export-store';
import { MyDataService } from './my-data';
import { PolicyService } from './policy/policy-service';
import { RecommendationService } from './recommendations';
import { RightsRequests } from './rights-requests';
import { TelemetryStore } from './telemetry-store';

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;

/** Everything the privacy routes use, built once per server. Exports live beside the database file. */
export function createPrivacyModule(db: Database, now: () => number, options: { exportsDir?: string; compressionLevel?: number } = {}) {
  const state = new AccountState(db);
  const consents = new ConsentsStore(db, now);
  const exports = new ExportStore(db, options.exportsDir ?? join(dirname(db.name), 'privacy-exports'), now, options.compressionLevel);
  const erasure = new Erasure(db, state, exports);
  return {
    state,
    consents,
    exports,
    erasure,
    myData: new MyDataService(db, now, state),
    requests: new RightsRequests(db, now, consents, state, erasure),
    recommendations: new RecommendationService(db, consents, state),
    disclosures: new DisclosureRegister(db),
    policy: new PolicyService(db, now),
    telemetry: new TelemetryStore(db),
  };
}
