import type { Database } from 'better-sqlite3';

/**
 * P2.5: the data set the vendor analyses to improve its products: service requests (product, version,
 * severity, category, how long they stayed open) and documentation feedback (which topic helped). It
 * carries an account key so repeated problems of one customer can be told apart, and leaves out every
 * account that objected (an upheld objection, P5.3) or is restricted or erased.
 */
export type AnalysisRow =
  | { source: 'service-request'; account: string; product: string; version: string; severity: string; category: string; openForMs: number }
  | { source: 'doc-feedback'; account: string; libraryId: string; topicId: string; helpful: boolean };

const EXCLUDED = `SELECT user_id FROM privacy_account_state
  WHERE analysis_objected_at IS NOT NULL OR restricted_at IS NOT NULL OR erased_at IS NOT NULL`;

export function analysisDataset(db: Database): AnalysisRow[] {
  const requests = db
    .prepare(
      `SELECT owner_id AS account, product, version, severity, category, updated_at - created_at AS openForMs
       FROM tickets WHERE owner_id NOT IN (${EXCLUDED}) ORDER BY created_at`,
    )
    .all() as Omit<Extract<AnalysisRow, { source: 'service-request' }>, 'source'>[];
  const feedback = db
    .prepare(`SELECT user_id AS account, library_id AS libraryId, topic_id AS topicId, helpful FROM doc_feedback WHERE user_id NOT IN (${EXCLUDED}) ORDER BY created_at`)
    .all() as (Omit<Extract<AnalysisRow, { source: 'doc-feedback' }>, 'source' | 'helpful'> & { helpful: number })[];
  return [
    ...requests.map((row) => ({ source: 'service-request' as const, ...row })),
    ...feedback.map((row) => ({ source: 'doc-feedback' as const, ...row, helpful: Boolean(row.helpful) })),
  ];
}
