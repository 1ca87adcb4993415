import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, PROCESSING_COUNTRIES } from './category-provider';

const SELECT = `SELECT id AS userId, name, email, phone, contact_address AS contactAddress, country FROM users WHERE id = ?`;

/** P1.1 identity and contact data. Erasure overwrites it in place (the row keeps tickets' references valid). */
export const identityCategory: CategoryProvider = {
  info: {
    id: 'identity',
    purposes: ['P2.1', 'P2.2', 'P2.3'],
    legalBasis: 'contract',
    retention: 'account-lifetime',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: PROCESSING_COUNTRIES,
    safeguards: ['standard-contracts', 'access-control'],
    tabular: false,
  },
  available: () => true,
  count: (db, userId) => (db.prepare(SELECT).get(userId) ? 1 : 0),
  latest: (db, userId) => db.prepare(SELECT).all(userId) as Row[],
  iterate: (db, userId) => db.prepare(SELECT).iterate(userId) as Iterable<Row>,
  erase(db, { userId, now }) {
    // The e-mail must stay unique; a marker made from the random id says nothing about the person.
    db.prepare(
      `UPDATE users SET name = 'Deleted user', email = 'erased-' || id || '@invalid', phone = '', contact_address = '',
       industry = '', job = '', password_hash = '!erased', updated_at = ? WHERE id = ?`,
    ).run(now, userId);
  },
};
