import type { FastifyInstance } from 'fastify';
import type { Health } from '../../shared/api';
import type { ApiContext } from '../context';

/** Bumped when the API contract changes, so a client can tell which server it talks to. */
export const API_VERSION = '1.0.0';

export function registerHealthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/health', async (): Promise<Health> => ({ status: 'ok', version: API_VERSION, time: new Date(ctx.now()).toISOString() }));
}
