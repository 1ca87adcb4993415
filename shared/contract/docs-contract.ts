import type { z } from 'zod';

/** Schemas of the docs domain's bridge methods and events (names in shared/channel-names/docs.ts). */
export const docsMethods = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export const docsEvents = {} as const satisfies Record<string, z.ZodType>;
