import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../shared/api/tickets';
import { safeAttachmentName } from '../../shared/attachment-name';
import { AppError } from '../../shared/errors';
import type { ApiContext } from '../context';
import { sendError } from '../http/error-handling';
import { fingerprint, idempotencyKey, type IdempotencyStore } from '../http/idempotency';
import { toAttachment } from './ticket-mapping';
import { pathId, sendFailure, viewerOf } from './route-helpers';
import type { TicketRepository } from './ticket-repository';

/**
 * Attachments arrive as a multipart stream: hashed (sha256) and written to a temp file as they come,
 * refused past the size limit, renamed into place only when complete, so a cut-off upload leaves
 * nothing behind. The Idempotency-Key makes a retried upload return the first one.
 */
export function registerAttachmentRoutes(app: FastifyInstance, ctx: ApiContext, repo: TicketRepository, keys: IdempotencyStore, dir: string): void {
  app.post('/tickets/:id/attachments', async (request, reply) => {
    const viewer = viewerOf(request);
    let temp: string | undefined;
    try {
      const id = pathId(request, 'id');
      const key = idempotencyKey(request);
      repo.owned(viewer, id);
      if (!request.isMultipart()) throw new AppError('validation', 'Send the file as multipart/form-data.');
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 } });
      if (!part) throw new AppError('validation', 'The request holds no file.');
      await mkdir(dir, { recursive: true });
      temp = join(dir, `.upload-${randomUUID()}`);
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(part.file, measure, createWriteStream(temp, { flags: 'wx' }));
      if (part.file.truncated) {
        return sendError(reply, new AppError('validation', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB.`), 413);
      }
      const file = { id: randomUUID(), name: safeAttachmentName(part.filename), size, sha256: hash.digest('hex') };
      // Into place before the row is written: a crash between the two leaves an unused file, never a row without bytes.
      const final = join(dir, file.id);
      await rename(temp, final);
      temp = final;
      const result = keys.run(viewer.userId, key, `POST /tickets/${id}/attachments`, fingerprint({ name: file.name, sha256: file.sha256, size }), () => {
        repo.owned(viewer, id);
        repo.addAttachment(id, file, ctx.now());
        return { status: 201, body: toAttachment({ ...file, created_at: ctx.now() }) };
      });
      // A retry under the same key gets the first upload's answer; its own copy is removed below.
      if ((result.body as { id: string }).id === file.id) temp = undefined;
      return reply.code(result.status).send(result.body);
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        return sendError(reply, new AppError('validation', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB.`), 413);
      }
      return sendFailure(reply, error);
    } finally {
      if (temp) await rm(temp, { force: true });
    }
  });

  app.get('/tickets/:id/attachments/:attachmentId', async (request, reply) => {
    const viewer = viewerOf(request);
    try {
      const id = pathId(request, 'id');
      repo.readable(viewer, id);
      const row = repo.attachment(id, pathId(request, 'attachmentId'));
      if (!row) throw new AppError('not_found', 'There is no such attachment.');
      const file = join(dir, row.id);
      await stat(file);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header('content-length', String(row.size))
        .header('x-content-sha256', row.sha256)
        .send(createReadStream(file));
    } catch (error) {
      return sendFailure(reply, error);
    }
  });
}
