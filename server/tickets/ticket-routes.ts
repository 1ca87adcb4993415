import type { FastifyInstance } from 'fastify';
import { CommentCreateSchema, TicketCreateSchema, TicketListQuerySchema } from '../../shared/api/tickets';
import { AppError, validationError } from '../../shared/errors';
import type { ApiContext } from '../context';
import { fingerprint, idempotencyKey, type IdempotencyStore } from '../http/idempotency';
import { pathId, requireJson, viewerOf } from './route-helpers';
import type { TicketRepository } from './ticket-repository';

/**
 * Service requests: list, create, read, reply, close, reopen. The user comes only from the token;
 * every query is scoped to what that user may see, so another's request answers 404.
 */
export function registerTicketCoreRoutes(app: FastifyInstance, ctx: ApiContext, repo: TicketRepository, keys: IdempotencyStore): void {
  app.get('/tickets', async (request, reply) => {
    const viewer = viewerOf(request);
    const query = TicketListQuerySchema.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    return reply.send(repo.list(viewer, query.data));
  });

  app.post('/tickets', async (request, reply) => {
    const viewer = viewerOf(request);
    requireJson(request);
    const key = idempotencyKey(request);
    const input = TicketCreateSchema.safeParse(request.body);
    if (!input.success) throw validationError(input.error);
    const result = keys.run(viewer.userId, key, 'POST /tickets', fingerprint(input.data), () => {
      const id = repo.create(viewer, input.data, request.ip, ctx.now());
      return { status: 201, body: repo.detail(viewer, id) };
    });
    return reply.code(result.status).send(result.body);
  });

  app.get('/tickets/:id', async (request, reply) => {
    const viewer = viewerOf(request);
    return reply.send(repo.detail(viewer, pathId(request, 'id')));
  });

  app.post('/tickets/:id/comments', async (request, reply) => {
    const viewer = viewerOf(request);
    const id = pathId(request, 'id');
    requireJson(request);
    const key = idempotencyKey(request);
    const input = CommentCreateSchema.safeParse(request.body);
    if (!input.success) throw validationError(input.error);
    const result = keys.run(viewer.userId, key, `POST /tickets/${id}/comments`, fingerprint(input.data), () => {
      const row = repo.owned(viewer, id);
      if (row.status === 'closed') throw new AppError('conflict', 'This request is closed. Reopen it to reply.');
      const author = ctx.users.getProfile(viewer.userId)?.name ?? '';
      return { status: 201, body: repo.addComment(row, 'customer', author, input.data.body, ctx.now()) };
    });
    return reply.code(result.status).send(result.body);
  });

  // Closing and reopening are idempotent by nature (the same state twice), so they need no key.
  app.post('/tickets/:id/close', async (request, reply) => {
    const viewer = viewerOf(request);
    const id = pathId(request, 'id');
    ctx.db.transaction(() => repo.setStatus(repo.owned(viewer, id), 'closed', 'customer', ctx.now()))();
    return reply.send(repo.detail(viewer, id));
  });

  app.post('/tickets/:id/reopen', async (request, reply) => {
    const viewer = viewerOf(request);
    const id = pathId(request, 'id');
    ctx.db.transaction(() => {
      const row = repo.owned(viewer, id);
      if (row.status !== 'resolved' && row.status !== 'closed') return;
      if (row.reopen_until !== null && row.reopen_until < ctx.now()) {
        throw new AppError('conflict', 'This request was closed too long ago to reopen. Please open a new one.');
      }
      repo.setStatus(row, 'in_progress', 'customer', ctx.now());
    })();
    return reply.send(repo.detail(viewer, id));
  });
}
