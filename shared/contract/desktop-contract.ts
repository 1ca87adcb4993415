import type { z } from 'zod';

/** Schemas of the desktop domain's bridge methods and events (names in shared/channel-names/desktop.ts). */
export const desktopMethods = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export const desktopEvents = {} as const satisfies Record<string, z.ZodType>;
