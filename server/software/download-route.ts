import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { ApiContext } from '../context';
import { sendError } from '../http/error-handling';
import type { SoftwareFileStore } from './file-store';
import { optionalUser } from './optional-user';
import type { SoftwareRepository } from './software-repository';

const ParamsSchema = z.object({ fileId: z.string().min(1).max(64) });
const RANGE = /^bytes=(\d+)-(\d*)$/;

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
    const path = await files.path(file);
    const info = await stat(path);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}-${info.ino.toString(16)}"`;
    reply
      .header('etag', etag)
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .type('application/octet-stream');
    const range = RANGE.exec(request.headers.range ?? '');
    const ifRange = request.headers['if-range'];
    // A Range with a stale If-Range gets the whole (new) file, as RFC 9110 13.1.5 says.
    if (range && (ifRange === undefined || ifRange === etag)) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start >= info.size || end < start) {
        return reply.code(416).header('content-range', `bytes */${info.size}`).send();
      }
      reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`).header('content-length', end - start + 1);
      return reply.send(createReadStream(path, { start, end, highWaterMark: 1024 * 1024 }));
    }
    reply.code(200).header('content-length', info.size);
    return reply.send(createReadStream(path, { highWaterMark: 1024 * 1024 }));
  });
}
