import type { z } from 'zod';

/** Schemas of the tickets domain's bridge methods and events (names in shared/channel-names/tickets.ts). */
export const ticketsMethods = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
export const ticketsEvents = {} as const satisfies Record<string, z.ZodType>;
