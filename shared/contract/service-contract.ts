import { z } from 'zod';
import { SettingsSchema } from './settings';

/** Settings an organisation can lock (policy `LockedSettings`), by their names in Settings. */
export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as (keyof z.infer<typeof SettingsSchema>)[];
export const SettingNameSchema = z.enum(SETTING_NAMES as [string, ...string[]]);

/** Where the support service's address came from, in the order the app looks (issue 14). */
export const SERVICE_SOURCES = ['policy', 'settings', 'build', 'demo', 'none'] as const;

/** Why the saved address is not in use: the app opens on Settings with this instead of refusing to start. */
export const ServiceProblemSchema = z.object({
  code: z.enum(['insecure_url', 'tls', 'unreachable']),
  url: z.string(),
  /** The network check's own detail (a certificate error's name, for example), in English. */
  detail: z.string().max(500).optional(),
});
export type ServiceProblem = z.infer<typeof ServiceProblemSchema>;

export const ServiceStatusSchema = z.object({
  source: z.enum(SERVICE_SOURCES),
  /** null: no service is configured yet (the first-run screen). */
  url: z.string().nullable(),
  problem: ServiceProblemSchema.optional(),
  /** This build carries the embedded reference API ("Try the demo"). */
  demoAvailable: z.boolean(),
  /** Settings the organisation set or locked: shown disabled, "Set by your organisation". */
  managedSettings: z.array(SettingNameSchema),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

export const ConnectInputSchema = z.strictObject({ url: z.string().trim().min(1).max(2048) });

const none = z.undefined();

export const serviceMethods = {
  /** Which service the app talks to, where that came from, and what the organisation manages. */
  'service.status': { input: none, output: ServiceStatusSchema },
  /** First run or a bad address: save this one (https, or http on this computer) and restart the services on it. */
  'service.connect': { input: ConnectInputSchema, output: z.void() },
  /** "Try the demo": the embedded reference API with demo data (only in builds that carry it). */
  'service.startDemo': { input: none, output: z.void() },
  /** The user goes on with the saved address although the start-up check failed (offline, for example). */
  'service.dismissProblem': { input: none, output: z.void() },
} as const;

export const serviceEvents = {
  /** The start-up check found a problem (or the user dismissed it). */
  'service.onDidChange': ServiceStatusSchema,
} as const;
