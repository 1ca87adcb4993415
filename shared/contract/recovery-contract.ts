import { z } from 'zod';

/** What the app kept from a damaged local database, by what a person would call it. */
export const RECOVERED_KINDS = ['outbox', 'drafts', 'feedback'] as const;
/** What could not be carried over: `incomplete` kinds lost rows; the others start empty again. */
export const LOST_KINDS = ['outbox', 'drafts', 'feedback', 'documentation', 'downloads', 'reading-state'] as const;

const Counts = z.object({ outbox: z.number().int(), drafts: z.number().int(), feedback: z.number().int() });

export const RecoveryItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('settings'),
    at: z.string(),
    /** The damaged file, kept beside the new one (`settings.json.broken-<time>`), relative to the data folder. */
    setAside: z.string(),
    /** How many settings could be read from the damaged file and kept; every other one is back to its default. */
    keptSettings: z.number().int(),
  }),
  z.object({
    kind: z.literal('database'),
    at: z.string(),
    /**
     * unreadable: not a database at all (truncated, overwritten); damaged: pages inside it are broken;
     * damaged-while-running: found broken while the app ran; emptied: found empty (a power cut during a write).
     */
    cause: z.enum(['unreadable', 'damaged', 'damaged-while-running', 'emptied']),
    /** The damaged file and its WAL/SHM, relative to the data folder; empty for an emptied file. */
    setAside: z.array(z.string()),
    /** Rows the new database holds, read from the damaged file or from the last-known-good copy. */
    recovered: Counts,
    /** Of those, how many came from the last-known-good copy (local.sqlite.backup.json). */
    fromBackup: Counts,
    lost: z.array(z.enum(LOST_KINDS)),
  }),
]);
export type RecoveryItem = z.infer<typeof RecoveryItemSchema>;

export const RecoveryReportSchema = z.object({ dataFolder: z.string(), items: z.array(RecoveryItemSchema) });
export type RecoveryReport = z.infer<typeof RecoveryReportSchema>;

const none = z.undefined();

export const recoveryMethods = {
  /** What was found damaged at this start (or since), and what was kept: the notice's content. */
  'recovery.report': { input: none, output: RecoveryReportSchema },
  /** The user has read the notice: it is not shown again. */
  'recovery.dismiss': { input: none, output: z.void() },
} as const;

export const recoveryEvents = {
  'recovery.onDidChange': RecoveryReportSchema,
} as const;
