import type { z } from 'zod';

/** Schemas of the privacy domain's bridge methods and events (names in shared/channel-names/privacy.ts). */
export const privacyMethods = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export const privacyEvents = {} as const satisfies Record<string, z.ZodType>;
