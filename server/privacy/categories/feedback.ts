import type { CategoryProvider, Row } from './category-provider';
import { hasTables, HOME_COUNTRY, iso, userRows } from './category-provider';

const SELECT = `SELECT id, library_id AS libraryId, topic_id AS topicId, helpful, comment, created_at AS createdAt FROM doc_feedback WHERE user_id = ?`;
const map = (row: Row): Row => ({ ...row, helpful: row.helpful === 1, createdAt: iso(row.createdAt as number) });

/** P2.1: comments and ratings left on documents. */
export const feedbackCategory: CategoryProvider = {
  info: {
    id: 'feedback',
    purposes: ['P2.1', 'P2.5'],
    legalBasis: 'legitimate-interest',
    retention: 'three-years-after-closure',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: [HOME_COUNTRY],
    safeguards: ['access-control'],
    tabular: true,
  },
  available: (db) => hasTables(db, 'doc_feedback'),
  ...userRows({ count: 'SELECT count(*) AS n FROM doc_feedback WHERE user_id = ?', select: SELECT, newestFirst: 'created_at DESC', oldestFirst: 'created_at', map }),
  erase: (db, { userId }) => void db.prepare('DELETE FROM doc_feedback WHERE user_id = ?').run(userId),
};
