import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { FeedbackInputSchema, LibraryIdSchema, OnlineSearchQuerySchema, TopicIdSchema } from '../../shared/api/docs';
import { AppError, validationError } from '../../shared/errors';
import { mediaType, type ApiContext } from '../context';
import { sendError } from '../http/error-handling';
import { fingerprint, IdempotencyStore, optionalIdempotencyKey } from '../http/idempotency';
import { requireSignIn } from '../http/signed-in-scope';
import { DocsRepository } from './docs-repository';

export const LibraryParams = z.strictObject({ id: LibraryIdSchema });
export const TopicParams = z.strictObject({ id: LibraryIdSchema, topicId: TopicIdSchema });
const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/**
 * Documentation for signed-in users: the catalogue, packages (with HTTP Range so downloads
 * resume), online search, topics, and feedback kept against the caller (P2.1) and shown only to them.
 */
export function registerDocsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const docs = new DocsRepository(ctx.db);
  const keys = new IdempotencyStore(ctx.db, ctx.now);
  // Every docs route needs a signed-in user: one hook for the scope (hooks do not leak out of it).
  void app.register(async (scope) => {
    requireSignIn(scope, ctx.store);
    registerSignedInDocsRoutes(scope, ctx, docs, keys);
  });
}

function registerSignedInDocsRoutes(app: FastifyInstance, ctx: ApiContext, docs: DocsRepository, keys: IdempotencyStore): void {

  app.get('/docs/libraries', async (request, reply) => {
    return reply.send({ libraries: docs.catalogue() });
  });

  app.get('/docs/libraries/:id/package', async (request, reply) => {
    const params = LibraryParams.safeParse(request.params);
    if (!params.success) return sendError(reply, validationError(params.error));
    const pkg = docs.packageOf(params.data.id);
    if (!pkg) return sendError(reply, notFound('This library'));
    return sendRange(reply, pkg.data, request.headers.range, pkg.sha256, `${params.data.id}.esdlib`);
  });

  app.get('/docs/search', async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    const library = raw.library === undefined ? undefined : ([] as unknown[]).concat(raw.library);
    const query = OnlineSearchQuerySchema.safeParse({ ...raw, ...(library ? { library } : {}) });
    if (!query.success) return sendError(reply, validationError(query.error));
    return reply.send({ hits: docs.search(query.data.q, query.data.library, query.data.limit) });
  });

  app.get('/docs/libraries/:id/topics/:topicId', async (request, reply) => {
    const params = TopicParams.safeParse(request.params);
    if (!params.success) return sendError(reply, validationError(params.error));
    const topic = docs.topic(params.data.id, params.data.topicId);
    return topic ? reply.send(topic) : sendError(reply, notFound('This topic'));
  });

  // The Idempotency-Key is optional so clients that never sent one keep working; the desktop's outbox
  // always sends one, so a retry after a lost answer returns the first result instead of a second row.
  app.post('/docs/feedback', async (request, reply) => {
    const { userId } = request;
    if (mediaType(request) !== 'application/json') return sendError(reply, new AppError('validation', 'Send feedback as application/json.'), 415);
    const key = optionalIdempotencyKey(request);
    const input = FeedbackInputSchema.safeParse(request.body);
    if (!input.success) throw validationError(input.error);
    const add = () => {
      if (!docs.topic(input.data.library, input.data.topicId)) throw notFound('This topic');
      return { status: 201, body: docs.addFeedback(userId, input.data, ctx.now()) };
    };
    const result = key ? keys.run(userId, key, 'POST /docs/feedback', fingerprint(input.data), add) : add();
    return reply.code(result.status).send(result.body);
  });

  app.get('/docs/feedback', async (request, reply) => {
    const { userId } = request;
    return reply.send({ feedback: docs.feedbackOf(userId) });
  });
}

/** One byte range (RFC 9110 14.1.2: first-last, first-, -suffix), or the whole body; 416 when it cannot be met. */
function sendRange(reply: FastifyReply, data: Buffer, header: string | undefined, sha256: string, fileName: string): FastifyReply {
  reply.header('accept-ranges', 'bytes').header('etag', `"${sha256}"`).header('content-disposition', `attachment; filename="${fileName}"`).type('application/zip');
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!header || !match || (match[1] === '' && match[2] === '')) return reply.send(data);
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, data.length - Number(match[2]));
    end = data.length - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? data.length - 1 : Math.min(Number(match[2]), data.length - 1);
  }
  if (start >= data.length || start > end) return reply.code(416).header('content-range', `bytes */${data.length}`).send();
  return reply.code(206).header('content-range', `bytes ${start}-${end}/${data.length}`).send(data.subarray(start, end + 1));
}
