import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, iso, PROCESSING_COUNTRIES } from './category-provider';

const SELECT = `
SELECT c.id AS companyId, c.name AS company, u.industry, u.job, u.created_at AS createdAt, u.updated_at AS updatedAt,
       s.restricted_at AS restrictedAt
FROM users u JOIN companies c ON c.id = u.company_id LEFT JOIN privacy_account_state s ON s.user_id = u.id
WHERE u.id = ?`;

const map = (row: Row): Row => ({ ...row, createdAt: iso(row.createdAt as number), updatedAt: iso(row.updatedAt as number), restrictedAt: iso(row.restrictedAt as number | null) });

/** P1.3 account and company data used to verify identity and upgrade accounts. */
export const accountCategory: CategoryProvider = {
  info: {
    id: 'account',
    purposes: ['P2.2', 'P2.3', 'P2.7'],
    legalBasis: 'contract',
    retention: 'account-lifetime',
    source: 'your-company',
    storedIn: HOME_COUNTRY,
    processedIn: PROCESSING_COUNTRIES,
    safeguards: ['standard-contracts', 'access-control'],
    tabular: false,
  },
  available: () => true,
  count: (db, userId) => (db.prepare(SELECT).get(userId) ? 1 : 0),
  latest: (db, userId) => (db.prepare(SELECT).all(userId) as Row[]).map(map),
  *iterate(db, userId) {
    for (const row of db.prepare(SELECT).iterate(userId) as Iterable<Row>) yield map(row);
  },
  // Industry and job are cleared with the identity row; the company link stays for anonymised tickets.
  erase: () => undefined,
};
