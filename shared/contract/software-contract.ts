import type { z } from 'zod';

/** Schemas of the software domain's bridge methods and events (names in shared/channel-names/software.ts). */
export const softwareMethods = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export const softwareEvents = {} as const satisfies Record<string, z.ZodType>;
