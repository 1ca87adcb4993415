import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, iso } from './category-provider';

const COLUMNS = `at, ip, method`;
const map = (row: Row): Row => ({
  at: iso(row.at as number),
  ip: row.ip,
  method: row.method,
  // P1.6: sign-ins through a social or company account are recorded with the provider's name.
  thirdParty: String(row.method) !== 'password',
});

/** P1.6 sign-in history, including sign-ins through third-party accounts. */
export const signInHistoryCategory: CategoryProvider = {
  info: {
    id: 'sign-in-history',
    purposes: ['P2.7'],
    legalBasis: 'legitimate-interest',
    retention: 'one-year',
    source: 'third-party-sign-in',
    storedIn: HOME_COUNTRY,
    processedIn: [HOME_COUNTRY],
    safeguards: ['access-control'],
    tabular: true,
  },
  available: () => true,
  count: (db, userId) => (db.prepare('SELECT count(*) AS n FROM sign_in_events WHERE user_id = ?').get(userId) as { n: number }).n,
  latest: (db, userId, limit) =>
    (db.prepare(`SELECT ${COLUMNS} FROM sign_in_events WHERE user_id = ? ORDER BY at DESC LIMIT ?`).all(userId, limit) as Row[]).map(map),
  *iterate(db, userId) {
    for (const row of db.prepare(`SELECT ${COLUMNS} FROM sign_in_events WHERE user_id = ? ORDER BY at`).iterate(userId) as Iterable<Row>) yield map(row);
  },
  erase: (db, { userId }) => void db.prepare('DELETE FROM sign_in_events WHERE user_id = ?').run(userId),
};
