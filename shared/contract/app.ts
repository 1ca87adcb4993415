import { z } from 'zod';

export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  apiUrl: z.string(),
  /** True when the app runs its own reference API with demo data. */
  embeddedApi: z.boolean(),
  /** Shown on the sign-in screen only with the embedded demo API. */
  demoAccount: z.object({ email: z.string(), password: z.string() }).optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const OpenExternalInputSchema = z.strictObject({ url: z.string().max(2048) });

export const NetworkStatusSchema = z.object({
  online: z.boolean(),
  apiUrl: z.string(),
  checkedAt: z.string(),
  /** Why the last check failed, in plain words. */
  problem: z.string().optional(),
});
export type NetworkStatus = z.infer<typeof NetworkStatusSchema>;
