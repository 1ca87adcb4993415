import { z } from 'zod';
import { AppErrorSchema } from '../errors';

export const SessionUserSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** Where tokens live: OS-encrypted on disk, or only in memory (Linux basic_text without consent). */
export const TokenStorageSchema = z.enum(['encrypted', 'memory']);

export const SessionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-out'), lastError: AppErrorSchema.optional() }),
  z.object({ status: z.literal('signing-in'), authorizeUrl: z.string() }),
  z.object({ status: z.literal('signed-in'), user: SessionUserSchema, tokenStorage: TokenStorageSchema }),
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const SignInStartedSchema = z.object({ authorizeUrl: z.string() });
