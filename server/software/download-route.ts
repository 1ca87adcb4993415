import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { ApiContext } from '../context';
import { sendError } from '../http/error-handling';
import { sendFileWithRanges } from '../http/file-range';
import type { SoftwareFileStore } from './file-store';
import { optionalUser } from './optional-user';
import type { SoftwareRepository } from './software-repository';

export const ParamsSchema = z.object({ fileId: z.string().min(1).max(64) });

/**
 * GET /software/files/:fileId/download: streamed from disk with a strong ETag, single byte ranges
 * (RFC 9110 14.2) and If-Range, so a client resumes only the same file. 401 when a sign-in is needed,
 * 403 without access or before the product's licence is accepted.
 */
export function registerDownloadRoute(app: FastifyInstance, ctx: ApiContext, repo: SoftwareRepository, files: SoftwareFileStore): void {
  app.get('/software/files/:fileId/download', async (request, reply) => {
    const params = ParamsSchema.safeParse(request.params);
    const file = params.success ? repo.file(params.data.fileId) : undefined;
    if (!file) return sendError(reply, new AppError('not_found', 'This file is not in the catalogue.'));
    const user = optionalUser(ctx, request, reply);
    if (user === null) return reply;
    const access = repo.access(file, user);
    if (access === 'sign_in') return sendError(reply, new AppError('unauthorized', 'Sign in to download this file.'));
    if (access !== 'granted') {
      const why = access === 'pending' ? 'Your application for this software is still being reviewed.' : 'This software is restricted: apply for access first.';
      return sendError(reply, new AppError('forbidden', why));
    }
    if (file.access_level !== 'public' && !repo.licenceAccepted(user!, file.product_id)) {
      return sendError(reply, new AppError('forbidden', 'Accept the licence agreement for this product before downloading.'));
    }
    reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .type('application/octet-stream');
    return sendFileWithRanges(request, reply, await files.path(file));
  });
}
