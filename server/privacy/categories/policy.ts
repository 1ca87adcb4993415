import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, iso } from './category-provider';

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
    safeguards: ['encryption'],
    tabular: true,
  },
  available: () => true,
  count: (db, userId) => (db.prepare('SELECT count(*) AS n FROM privacy_policy_acks WHERE user_id = ?').get(userId) as { n: number }).n,
  latest: (db, userId, limit) => (db.prepare(`${SELECT} ORDER BY at DESC LIMIT ?`).all(userId, limit) as Row[]).map(map),
  *iterate(db, userId) {
    for (const row of db.prepare(`${SELECT} ORDER BY at`).iterate(userId) as Iterable<Row>) yield map(row);
  },
  erase: (db, { userId }) => void db.prepare('DELETE FROM privacy_policy_acks WHERE user_id = ?').run(userId),
};
