import { z } from 'zod';

/** An error in the window, sent to main's renderer log (messages and stacks only; main redacts them again). */
export const RendererErrorReportSchema = z.strictObject({
  kind: z.enum(['boundary', 'error', 'rejection']),
  message: z.string().max(2000),
  stack: z.string().max(8000).optional(),
  /** The screen's route (#/tickets/…), without its query. */
  route: z.string().max(200).optional(),
});
export type RendererErrorReport = z.infer<typeof RendererErrorReportSchema>;

export const LogsInfoSchema = z.object({
  /** The folder holding every log file, shown in Settings. */
  folder: z.string(),
  /** Opening the folder or a file needs the desktop app; the preview only names them. */
  canOpen: z.boolean(),
});

const none = z.undefined();

export const logsMethods = {
  'logs.report': { input: RendererErrorReportSchema, output: z.void() },
  'logs.openFolder': { input: none, output: z.void() },
  'logs.show': { input: none, output: z.void() },
  'logs.info': { input: none, output: LogsInfoSchema },
} as const;
