import type { CategoryProvider, Row } from './category-provider';
import { HOME_COUNTRY, iso, userRows } from './category-provider';

const SELECT = `SELECT id, kind, purpose, note, status, refusal_code AS refusalCode, received_at AS receivedAt, due_at AS dueAt,
  completed_at AS completedAt FROM privacy_requests WHERE user_id = ?`;
const map = (row: Row): Row => ({ ...row, receivedAt: iso(row.receivedAt as number), dueAt: iso(row.dueAt as number), completedAt: iso(row.completedAt as number | null) });

/** P5.3-P5.6: the requests a person made about their data. */
export const rightsRequestsCategory: CategoryProvider = {
  info: {
    id: 'rights-requests',
    purposes: ['P2.7'],
    legalBasis: 'legal-obligation',
    retention: 'six-years-legal',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: [HOME_COUNTRY],
    safeguards: ['access-control'],
    tabular: true,
  },
  available: () => true,
  ...userRows({ count: 'SELECT count(*) AS n FROM privacy_requests WHERE user_id = ?', select: SELECT, newestFirst: 'received_at DESC', oldestFirst: 'received_at', map }),
  // The record that an erasure was asked for and done is kept (P2.7), but without the person's own words.
  erase: (db, { userId }) => void db.prepare(`UPDATE privacy_requests SET note = '' WHERE user_id = ?`).run(userId),
};
