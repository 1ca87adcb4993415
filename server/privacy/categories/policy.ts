import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, iso, userRows } from './category-provider';

const SELECT = `SELECT version, at FROM privacy_policy_acks WHERE user_id = ?`;
const map = (row: Row): Row => ({ version: row.version, acknowledgedAt: iso(row.at as number) });

/** P9.1: which policy versions the person acknowledged, and when. */
export const policyCategory: CategoryProvider = {
  info: {
    id: 'policy',
    purposes: ['P2.7'],
    legalBasis: 'legal-obligation',
    retention: 'account-lifetime',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: [HOME_COUNTRY],
    safeguards: ['access-control'],
    tabular: true,
  },
  available: () => true,
  ...userRows({ count: 'SELECT count(*) AS n FROM privacy_policy_acks WHERE user_id = ?', select: SELECT, newestFirst: 'at DESC', oldestFirst: 'at', map }),
  erase: (db, { userId }) => void db.prepare('DELETE FROM privacy_policy_acks WHERE user_id = ?').run(userId),
};
