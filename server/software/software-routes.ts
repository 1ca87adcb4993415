import { timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AccessApplicationInputSchema, ApplicationDecisionSchema, CatalogueQuerySchema, HelpRequestInputSchema, LicenceAcceptSchema,
} from '../../shared/api/software';
import { AppError, validationError } from '../../shared/errors';
import { mediaType, type ApiContext } from '../context';
import { authenticate } from '../http/bearer-auth';
import { sendError } from '../http/error-handling';
import { registerDownloadRoute } from './download-route';
import { SoftwareFileStore } from './file-store';
import { optionalUser } from './optional-user';
import { DEMO_SIGNING_SEED, signingKeyFromSeed, signManifest } from './signing';
import { SoftwareRepository } from './software-repository';

export interface SoftwareRouteOptions {
  /** The folder holding the server's database; software files live in its `software-files` subfolder. */
  dataDir: string;
  /** Enables POST /admin/software/applications/:id/decision for callers sending `X-Admin-Key: <key>`. */
  adminKey?: string;
  /** 32-byte Ed25519 seed of the vendor key; the demo seed (published, DEMO ONLY) by default. */
  signingSeed?: Buffer;
}

export const Id = z.string().min(1).max(64);
const json = (request: FastifyRequest) => mediaType(request) === 'application/json';

function parse<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  void sendError(reply, validationError(result.error));
  return undefined;
}

/** The software catalogue, signed manifests, licences, access applications (P1.4, P2.2) and help requests (P1.2). */
export function registerSoftwareRoutes(app: FastifyInstance, ctx: ApiContext, options: SoftwareRouteOptions): void {
  const repo = new SoftwareRepository(ctx.db, ctx.now);
  const files = new SoftwareFileStore(join(options.dataDir, 'software-files'));
  const signingKey = signingKeyFromSeed(options.signingSeed ?? DEMO_SIGNING_SEED);
  app.addHook('onReady', () => files.generateSmallDemoFiles(ctx.db));

  app.get('/software/catalogue', async (request, reply) => {
    const user = optionalUser(ctx, request, reply);
    if (user === null) return reply;
    const query = parse(CatalogueQuerySchema, request.query, reply);
    if (!query) return reply;
    return reply.send({ products: repo.catalogue(user, query) });
  });

  app.get('/software/releases/:releaseId/manifest', async (request, reply) => {
    const releaseId = Id.safeParse((request.params as { releaseId?: unknown }).releaseId);
    const manifest = releaseId.success ? repo.manifest(releaseId.data) : undefined;
    if (!manifest) return sendError(reply, new AppError('not_found', 'No such release.'));
    return reply.send(signManifest(manifest, signingKey));
  });

  app.get('/software/products/:productId/licence', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    const productId = Id.safeParse((request.params as { productId?: unknown }).productId);
    const licence = productId.success ? repo.licence(userId, productId.data) : undefined;
    if (!licence) return sendError(reply, new AppError('not_found', 'No such product.'));
    return reply.send(licence);
  });

  app.post('/software/products/:productId/licence/acceptance', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    if (!json(request)) return sendError(reply, new AppError('validation', 'Send application/json.'), 415);
    const productId = Id.safeParse((request.params as { productId?: unknown }).productId);
    const licence = productId.success ? repo.licence(userId, productId.data) : undefined;
    if (!licence) return sendError(reply, new AppError('not_found', 'No such product.'));
    const body = parse(LicenceAcceptSchema, request.body, reply);
    if (!body) return reply;
    if (body.version !== licence.version) return sendError(reply, new AppError('conflict', 'The licence has changed. Please read the current version.'));
    repo.acceptLicence(userId, licence.productId, licence.version);
    return reply.send(repo.licence(userId, licence.productId));
  });

  app.post('/software/applications', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    if (!json(request)) return sendError(reply, new AppError('validation', 'Send application/json.'), 415);
    const input = parse(AccessApplicationInputSchema, request.body, reply);
    if (!input) return reply;
    if (!repo.productExists(input.productId)) return sendError(reply, new AppError('validation', 'No such product.', { productId: 'No such product.' }));
    if (repo.hasOpenOrApproved(userId, input.productId)) return sendError(reply, new AppError('conflict', 'You already applied for this product.'));
    return reply.code(201).send(repo.createApplication(userId, input));
  });

  app.get('/software/applications', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    return reply.send({ applications: repo.applications(userId) });
  });

  app.get('/software/applications/:id', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    const id = Id.safeParse((request.params as { id?: unknown }).id);
    // Another user's application answers 404, exactly like a missing one: its existence is not disclosed.
    const application = id.success ? repo.application(userId, id.data) : undefined;
    if (!application) return sendError(reply, new AppError('not_found', 'No such application.'));
    return reply.send(application);
  });

  app.post('/admin/software/applications/:id/decision', async (request, reply) => {
    if (!options.adminKey || !sameSecret(request.headers['x-admin-key'], options.adminKey)) {
      return sendError(reply, new AppError('not_found', `No route for POST ${request.url.split('?')[0]}.`));
    }
    if (!json(request)) return sendError(reply, new AppError('validation', 'Send application/json.'), 415);
    const id = Id.safeParse((request.params as { id?: unknown }).id);
    const decision = parse(ApplicationDecisionSchema, request.body, reply);
    if (!decision) return reply;
    if (!id.success || !repo.decide(id.data, decision.status, decision.reason ?? null)) return sendError(reply, new AppError('not_found', 'No such application.'));
    return reply.send({ id: id.data, status: decision.status });
  });

  app.post('/software/help-requests', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    if (!json(request)) return sendError(reply, new AppError('validation', 'Send application/json.'), 415);
    const input = parse(HelpRequestInputSchema, request.body, reply);
    if (!input) return reply;
    if (!repo.productExists(input.productId)) return sendError(reply, new AppError('validation', 'No such product.', { productId: 'No such product.' }));
    if (input.fileId && repo.file(input.fileId)?.product_id !== input.productId) {
      return sendError(reply, new AppError('validation', 'No such file in this product.', { fileId: 'No such file in this product.' }));
    }
    return reply.code(201).send(repo.createHelpRequest(userId, { ...input, fileId: input.fileId ?? null }));
  });

  app.get('/software/help-requests', async (request, reply) => {
    const userId = authenticate(ctx.store, request, reply);
    if (!userId) return reply;
    return reply.send({ helpRequests: repo.helpRequests(userId) });
  });

  registerDownloadRoute(app, ctx, repo, files);
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
