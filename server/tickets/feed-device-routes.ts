import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, validationError } from '../../shared/errors';
import type { ApiContext } from '../context';
import { toDevice, type DeviceRow } from './ticket-mapping';
import { pathId, viewerOf } from './route-helpers';
import type { TicketRepository, Viewer } from './ticket-repository';

export const FeedQuerySchema = z.strictObject({
  // 'latest': start following from now, without the history (a fresh install). A number is a cursor
  // this feed handed out (server/tickets/tenant-counters.ts), per company, opaque to the client.
  since: z.union([z.literal('latest'), z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const DEVICE_VISIBLE = '(d.owner_id = @userId OR (@admin = 1 AND d.company_id = @companyId))';
const deviceParams = (v: Viewer) => ({ userId: v.userId, companyId: v.companyId, admin: v.admin ? 1 : 0 });

/**
 * The change feed (status changes and replies after a cursor, only on requests the caller may read)
 * and the device inventory (P1.5): a user's own devices, and a company admin's company devices.
 */
export function registerFeedAndDeviceRoutes(app: FastifyInstance, ctx: ApiContext, repo: TicketRepository): void {
  app.get('/tickets/changes', async (request, reply) => {
    const viewer = viewerOf(request);
    const query = FeedQuerySchema.safeParse(request.query);
    if (!query.success) throw validationError(query.error);
    const { since, limit } = query.data;
    return reply.send(since === 'latest' ? { cursor: repo.latestCursor(viewer), events: [] } : repo.feed(viewer, since, limit));
  });

  app.get('/devices', async (request, reply) => {
    const viewer = viewerOf(request);
    const rows = ctx.db.prepare(`SELECT d.* FROM devices d WHERE ${DEVICE_VISIBLE} ORDER BY d.serial`).all(deviceParams(viewer)) as DeviceRow[];
    return reply.send({ items: rows.map(toDevice) });
  });

  app.get('/devices/:id', async (request, reply) => {
    const viewer = viewerOf(request);
    const id = pathId(request, 'id');
    const row = ctx.db.prepare(`SELECT d.* FROM devices d WHERE d.id = @id AND ${DEVICE_VISIBLE}`).get({ id, ...deviceParams(viewer) }) as DeviceRow | undefined;
    if (!row) throw new AppError('not_found', 'There is no such device.');
    return reply.send(toDevice(row));
  });
}
