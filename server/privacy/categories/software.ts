import type { CategoryProvider, Row } from './category-provider';
import { hasTables, HOME_COUNTRY, iso, PROCESSING_COUNTRIES } from './category-provider';

/**
 * A record names its product as a person knows it (issue 13: My data showed ids such as "svault");
 * the id stays only where the catalogue no longer has the product. A help request names its file the same way.
 */
const productName = (alias: string) => `COALESCE((SELECT p.name FROM software_products p WHERE p.id = ${alias}.product_id), ${alias}.product_id)`;

// Three record kinds of one category; each statement runs to its end before the next begins.
const QUERIES = {
  application: `SELECT 'application' AS kind, a.id, ${productName('a')} AS product, a.reason, a.phone, a.status, a.decision_reason AS decisionReason,
      a.created_at AS createdAt, a.decided_at AS decidedAt FROM software_applications a WHERE a.user_id = ? ORDER BY a.created_at`,
  'help-request': `SELECT 'help-request' AS kind, h.id, ${productName('h')} AS product, COALESCE((SELECT f.name FROM software_files f WHERE f.id = h.file_id), h.file_id) AS file, h.problem, h.message, h.email, h.phone,
      h.address, h.status, h.created_at AS createdAt FROM software_help_requests h WHERE h.user_id = ? ORDER BY h.created_at`,
  'licence-acceptance': `SELECT 'licence-acceptance' AS kind, ${productName('l')} AS product, l.licence_version AS licenceVersion, l.accepted_at AS createdAt
      FROM software_licence_acceptances l WHERE l.user_id = ? ORDER BY l.accepted_at`,
};

const map = (row: Row): Row => ({ ...row, createdAt: iso(row.createdAt as number), ...('decidedAt' in row ? { decidedAt: iso(row.decidedAt as number | null) } : {}) });

/** P1.2, P1.4, P2.2: software applications, "help me get this" requests and licence acceptances. */
export const softwareCategory: CategoryProvider = {
  info: {
    id: 'software',
    purposes: ['P2.2', 'P2.3'],
    legalBasis: 'contract',
    retention: 'three-years-after-closure',
    source: 'you',
    storedIn: HOME_COUNTRY,
    processedIn: PROCESSING_COUNTRIES,
    safeguards: ['standard-contracts', 'access-control'],
    tabular: false,
  },
  available: (db) => hasTables(db, 'software_applications', 'software_help_requests', 'software_licence_acceptances'),
  count: (db, userId) =>
    (
      db
        .prepare(
          `SELECT (SELECT count(*) FROM software_applications WHERE user_id = @u) + (SELECT count(*) FROM software_help_requests WHERE user_id = @u)
             + (SELECT count(*) FROM software_licence_acceptances WHERE user_id = @u) AS n`,
        )
        .get({ u: userId }) as { n: number }
    ).n,
  latest: (db, userId, limit) =>
    Object.values(QUERIES)
      .flatMap((sql) => (db.prepare(sql).all(userId) as Row[]).map(map))
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))
      .slice(0, limit),
  *iterate(db, userId) {
    for (const sql of Object.values(QUERIES)) for (const row of db.prepare(sql).iterate(userId) as Iterable<Row>) yield map(row);
  },
  // The person's own words and contact details go; nothing of an application is needed once they are.
  erase(db, { userId }) {
    db.prepare('DELETE FROM software_help_requests WHERE user_id = ?').run(userId);
    db.prepare('DELETE FROM software_applications WHERE user_id = ?').run(userId);
    db.prepare('DELETE FROM software_licence_acceptances WHERE user_id = ?').run(userId);
  },
};
