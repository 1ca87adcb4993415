import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ProfilePatchSchema } from '../../shared/api';
import { AppError, validationError } from '../../shared/errors';
import { mediaType, type ApiContext } from '../context';
import { authenticate } from '../http/bearer-auth';
import { sendError } from '../http/error-handling';

/** Like validationError, but names each unknown key as its own field, so a client can point at it. */
function patchError(error: z.ZodError): AppError {
  const appError = validationError(error);
  const fields = { ...appError.fields };
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) fields[key] = 'This field cannot be changed here.';
    if (fields[''] === issue.message) delete fields[''];
  }
  return new AppError('validation', appError.message, fields);
}

/** The caller's own profile. The user id comes only from the token, never from the request, so no one reaches another's profile. */
export function registerMeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/me', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    const profile = ctx.users.getProfile(userId);
    if (!profile) return sendError(reply, new AppError('unauthorized', 'This account no longer exists.'));
    return reply.send(profile);
  });

  app.patch('/me', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    if (mediaType(request) !== 'application/json') {
      return sendError(reply, new AppError('validation', 'Send the changes as application/json.'), 415);
    }
    const patch = ProfilePatchSchema.safeParse(request.body);
    if (!patch.success) return sendError(reply, patchError(patch.error));
    const profile = ctx.users.updateProfile(userId, patch.data, ctx.now());
    if (!profile) return sendError(reply, new AppError('unauthorized', 'This account no longer exists.'));
    return reply.send(profile);
  });
}
