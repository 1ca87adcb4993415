import { dirname, join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context';
import { registerAttachmentRoutes } from './attachment-routes';
import { demoEngineerDelayMs, demoEngineerTick } from './demo-engineer';
import { registerFeedAndDeviceRoutes } from './feed-device-routes';
import { IdempotencyStore } from '../http/idempotency';
import { requireSignIn } from '../http/signed-in-scope';
import { resolveViewer } from './route-helpers';
import { TicketRepository } from './ticket-repository';
import { registerTicketCoreRoutes } from './ticket-routes';

/** Everything of the tickets domain, in its own plugin scope so multipart parsing applies only here. */
export function registerTicketRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const repo = new TicketRepository(ctx.db);
  const keys = new IdempotencyStore(ctx.db, ctx.now);
  // Attachments live beside the database file, one file per attachment id.
  const dir = join(dirname(ctx.db.name), 'ticket-attachments');
  void app.register(async (scope) => {
    requireSignIn(scope, ctx.store);
    resolveViewer(scope, repo);
    await scope.register(multipart);
    registerTicketCoreRoutes(scope, ctx, repo, keys);
    registerAttachmentRoutes(scope, ctx, repo, keys, dir);
    registerFeedAndDeviceRoutes(scope, ctx, repo);
  });

  const delay = demoEngineerDelayMs();
  let timer: ReturnType<typeof setInterval> | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      try {
        demoEngineerTick(ctx, repo, delay);
      } catch (error) {
        app.log.error({ err: error }, 'demo engineer failed');
      }
    }, 500);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
