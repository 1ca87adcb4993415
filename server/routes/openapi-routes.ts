import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi/openapi-document';

/** GET /openapi.json: the contract, public like /health, so a vendor's tools can read it without an account. */
export function registerOpenApiRoutes(app: FastifyInstance): void {
  app.get('/openapi.json', async (_request, reply) => reply.header('cache-control', 'no-cache').send(openApiDocument()));
}
