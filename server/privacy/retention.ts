import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { RETENTION_YEARS, retentionEnd, type CategoryId, type CategoryInfo } from '../../shared/api/privacy';
import { CATEGORIES } from './categories';
import { hasTables } from './categories/category-provider';

/**
 * P6.2: what each category keeps until, and what goes when its period ends. The period is the
 * category's own `retention` (shared RETENTION_YEARS), counted from the moment named here: a sign-in
 * from when it happened, a service request from when it was closed, a decided application or a
 * finished rights request from its decision. Rows that are not finished (an open request, a pending
 * application) are never purged: their period has not started.
 */
type Rule = {
  /** The SQL expression of the moment the period starts, per table, and the rows that count as finished. */
  tables: { table: string; from: string; finished?: string; files?: string }[];
};

const RULES: Partial<Record<CategoryId, Rule>> = {
  'sign-in-history': { tables: [{ table: 'sign_in_events', from: 'at' }] },
  feedback: { tables: [{ table: 'doc_feedback', from: 'created_at' }] },
  software: {
    tables: [
      { table: 'software_applications', from: 'decided_at', finished: 'decided_at IS NOT NULL' },
      { table: 'software_help_requests', from: 'created_at' },
      { table: 'software_licence_acceptances', from: 'accepted_at' },
    ],
  },
  // Closed requests go whole (comments, attachments and the status history by ON DELETE CASCADE; attachment files after commit).
  'service-requests': { tables: [{ table: 'tickets', from: 'updated_at', finished: "status = 'closed'", files: 'ticket_attachments' }] },
  'rights-requests': { tables: [{ table: 'privacy_requests', from: 'coalesce(completed_at, received_at)', finished: "status IN ('completed', 'refused')" }] },
};

export type PurgeResult = { category: CategoryId; table: string; removed: number }[];

/** Deletes every row whose period has ended at `now`. Idempotent: a second run at the same time removes nothing. */
export function purgeExpired(db: Database, now: number, log: (line: string, detail: object) => void = () => undefined): PurgeResult {
  const result: PurgeResult = [];
  const filesToRemove: string[] = [];
  db.transaction(() => {
    for (const provider of CATEGORIES) {
      const { id, retention } = provider.info;
      const rule = RULES[id];
      const years = RETENTION_YEARS[retention];
      if (!rule || years === null) continue;
      // The period ends at from + years: rows whose start is before now - years have ended.
      const cutoff = now - retentionEnd(retention, 0)!;
      for (const { table, from, finished, files } of rule.tables) {
        if (!hasTables(db, table)) continue;
        const where = `${from} < @cutoff${finished ? ` AND ${finished}` : ''}`;
        if (files && hasTables(db, files)) {
          const ids = db.prepare(`SELECT f.id FROM ${files} f JOIN ${table} t ON t.id = f.ticket_id WHERE ${where.replace(/\b(updated_at|status)\b/g, 't.$1')}`).all({ cutoff }) as { id: string }[];
          filesToRemove.push(...ids.map(({ id: fileId }) => join(dirname(db.name), 'ticket-attachments', fileId)));
        }
        const removed = db.prepare(`DELETE FROM ${table} WHERE ${where}`).run({ cutoff }).changes;
        if (removed) result.push({ category: id, table, removed });
      }
    }
  })();
  for (const file of filesToRemove) rmSync(file, { force: true });
  for (const entry of result) log('retention period ended: rows deleted', entry);
  return result;
}

/** The date one record of a category is due to go (ISO), from the record as My data shows it; null: no fixed period or not finished yet. */
export function recordGoesAt(info: Pick<CategoryInfo, 'id' | 'retention'>, record: Record<string, unknown>): string | null {
  const start = RECORD_START[info.id]?.(record);
  if (typeof start !== 'string') return null;
  const end = retentionEnd(info.retention, Date.parse(start));
  return end === null ? null : new Date(end).toISOString();
}

/** The same starting moments as RULES, read from a record of My data (its fields, not its columns). */
const RECORD_START: Partial<Record<CategoryId, (record: Record<string, unknown>) => unknown>> = {
  'sign-in-history': (r) => r.at,
  software: (r) => (r.kind === 'application' ? r.decidedAt : r.createdAt),
  feedback: (r) => r.createdAt,
  'service-requests': (r) => (r.status === 'closed' ? r.updatedAt : null),
  'rights-requests': (r) => (r.status === 'completed' || r.status === 'refused' ? (r.completedAt ?? r.receivedAt) : null),
};
