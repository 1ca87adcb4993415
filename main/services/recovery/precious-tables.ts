import type { RecoveryItem } from '../../../shared/contract/recovery-contract';

type Kind = keyof Extract<RecoveryItem, { kind: 'database' }>['recovered'];

/**
 * The rows of the local database that exist nowhere else and cannot be downloaded again: requests
 * and feedback waiting to be sent, and what the user typed. They are copied first from a damaged
 * file and kept in the last-known-good copy. Staged attachments travel with the drafts and outbox
 * items that name them.
 */
export const PRECIOUS_TABLES: readonly { table: string; kind: Kind; counted: boolean }[] = [
  { table: 'tickets_outbox', kind: 'outbox', counted: true },
  { table: 'docs_feedback_outbox', kind: 'feedback', counted: true },
  { table: 'tickets_drafts', kind: 'drafts', counted: true },
  { table: 'tickets_staged', kind: 'drafts', counted: false },
];

/** Small personal state copied after the precious rows when the damaged file still has it. */
export const READING_STATE_TABLES = ['tickets_sync', 'tickets_unread'] as const;

/**
 * Tables a damaged file's copy does not carry over, and what the notice calls them: documentation
 * libraries are downloaded or imported again (their search indexes cannot be copied row by row), and
 * the download list starts empty (finished files stay in the download folder).
 */
export const NOT_CARRIED_OVER = [
  { table: 'docs_installs', kind: 'documentation' },
  { table: 'downloads_jobs', kind: 'downloads' },
] as const;

/** The big, re-creatable documentation tables: skipped by the start-up check (they are checked as they are read). */
export const REBUILDABLE_TABLE = /^docs_(fts|pairs|titles|topics|records|terms)/;
