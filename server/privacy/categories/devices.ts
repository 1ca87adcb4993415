import type { CategoryProvider, Row } from './category-provider';
import { hasTables, HOME_COUNTRY, iso, userRows } from './category-provider';

const SELECT = `SELECT id, serial, model, product, site, contract_end AS contractEnd FROM devices WHERE owner_id = ?`;
const map = (row: Row): Row => ({ ...row, contractEnd: iso(row.contractEnd as number) });

/** P1.5 device inventory registered to the person. */
export const devicesCategory: CategoryProvider = {
  info: {
    id: 'devices',
    purposes: ['P2.3'],
    legalBasis: 'contract',
    retention: 'account-lifetime',
    source: 'your-company',
    storedIn: HOME_COUNTRY,
    processedIn: [HOME_COUNTRY],
    safeguards: ['access-control'],
    tabular: true,
  },
  available: (db) => hasTables(db, 'devices'),
  ...userRows({ count: 'SELECT count(*) AS n FROM devices WHERE owner_id = ?', select: SELECT, newestFirst: 'serial', oldestFirst: 'serial', map }),
  // The machines belong to the company's inventory; once the owner row is anonymised they point at no one.
  erase: () => undefined,
};
