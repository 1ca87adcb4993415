import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

const ALICE = '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c01';
const CHEN = '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c03';
const day = (d: number, h = 9) => Date.UTC(2026, 0, d, h, 0, 0);

/**
 * Demo privacy data, inside the demo seed's transaction: sign-ins through company and social accounts
 * (P1.6) and disclosures (P4.2), so the privacy center has something true to show on first run.
 */
export function seedPrivacyDemo(db: Database): void {
  const signIn = db.prepare('INSERT INTO sign_in_events (id, user_id, at, ip, method) VALUES (?, ?, ?, ?, ?)');
  signIn.run(randomUUID(), ALICE, day(6), '198.51.100.23', 'password');
  signIn.run(randomUUID(), ALICE, day(8, 14), '198.51.100.23', 'sso:northwind-entra-id');
  signIn.run(randomUUID(), ALICE, day(12, 8), '203.0.113.77', 'social:github');
  signIn.run(randomUUID(), CHEN, day(9), '192.0.2.10', 'sso:contoso-okta');

  const disclose = db.prepare(
    'INSERT INTO privacy_disclosures (id, user_id, recipient, recipient_category, purpose, data_categories, legal_basis, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  disclose.run(randomUUID(), ALICE, 'Field Service Partner GmbH', 'service-partners', 'P2.3', JSON.stringify(['identity', 'devices']), 'contract', day(10));
  disclose.run(randomUUID(), ALICE, 'Example Support Asia Ltd. (affiliate)', 'affiliates', 'P2.3', JSON.stringify(['identity']), 'contract', day(14));
  disclose.run(randomUUID(), CHEN, 'Example Support Asia Ltd. (affiliate)', 'affiliates', 'P2.3', JSON.stringify(['identity', 'service-requests']), 'contract', day(11));
}
