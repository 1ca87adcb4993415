import { z } from 'zod';
import { AppErrorSchema } from '../errors';

/** Every non-OAuth error body of the reference API. */
export const ApiErrorBodySchema = z.object({ error: AppErrorSchema });
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() });
export type Health = z.infer<typeof HealthSchema>;
