import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, iso, userRows } from './category-provider';

const SELECT = `SELECT kind, old_value AS oldValue, new_value AS newValue, policy_version AS policyVersion, at FROM privacy_consent_receipts WHERE user_id = ?`;
const map = (row: Row): Row => ({ kind: row.kind, oldValue: row.oldValue === 1, newValue: row.newValue === 1, policyVersion: row.policyVersion, at: iso(row.at as number) });

/** P2.4, P2.6, P5.5: every consent change as a receipt. */
export const consentsCategory: CategoryProvider = {
  info: {
    id: 'consents',
    purposes: ['P2.4', 'P2.6', 'P2.8'],
    legalBasis: 'consent',
    retention: 'until-withdrawn',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: [HOME_COUNTRY],
    safeguards: ['access-control'],
    tabular: true,
  },
  available: () => true,
  ...userRows({ count: 'SELECT count(*) AS n FROM privacy_consent_receipts WHERE user_id = ?', select: SELECT, newestFirst: 'at DESC, rowid DESC', oldestFirst: 'at, rowid', map }),
  erase(db, { userId }) {
    db.prepare('DELETE FROM privacy_consent_receipts WHERE user_id = ?').run(userId);
    db.prepare('DELETE FROM privacy_consents WHERE user_id = ?').run(userId);
  },
};
