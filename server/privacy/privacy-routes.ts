import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConsentChangeSchema, NewExportSchema, NewRightsRequestSchema, PolicyAcknowledgementSchema, TelemetryBatchSchema } from '../../shared/api/privacy';
import { AppError, validationError } from '../../shared/errors';
import { sha256 } from '../auth/secrets';
import { mediaType, type ApiContext } from '../context';
import { authenticate } from '../http/bearer-auth';
import { sendError } from '../http/error-handling';
import { sendFileWithRanges } from '../http/file-range';
import { PRIVACY_CONTACT } from './policy/policy-documents';
import { createPrivacyModule } from './privacy-module';
import { purgeExpired } from './retention';

const IdParams = z.object({ id: z.uuid('Not a valid id.') });
export const TELEMETRY_PER_MINUTE = 60;

/** Parses a JSON body with its schema, or answers the error and returns undefined. */
function body<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.output<S> | undefined {
  if (mediaType(request) !== 'application/json') {
    void sendError(reply, new AppError('validation', 'Send the request as application/json.'), 415);
    return undefined;
  }
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  void sendError(reply, validationError(parsed.error));
  return undefined;
}

function params(request: FastifyRequest): string {
  const parsed = IdParams.safeParse(request.params);
  // A malformed id cannot name anything of the caller's: the same answer as a missing one.
  if (!parsed.success) throw new AppError('not_found', 'There is no such item.');
  return parsed.data.id;
}

/**
 * The privacy center's API (issue 6). The user id comes only from the bearer token, and every query is
 * scoped to it, so one person's data, exports, requests and receipts are unreachable to anyone else.
 */
export function registerPrivacyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const privacy = createPrivacyModule(ctx.db, ctx.now);
  app.addHook('onClose', () => privacy.exports.idle());
  // P6.2: rows whose retention period has ended go at start and then every hour, each removal logged.
  const purge = () => {
    try {
      purgeExpired(ctx.db, ctx.now(), (line, detail) => app.log.info(detail, line));
    } catch (error) {
      app.log.error({ err: error }, 'retention purge failed');
    }
  };
  let purgeTimer: ReturnType<typeof setInterval> | undefined;
  app.addHook('onReady', async () => {
    purge();
    purgeTimer = setInterval(purge, 3600_000);
    purgeTimer.unref();
  });
  app.addHook('onClose', async () => clearInterval(purgeTimer));

  /** Wraps an authenticated handler: resolves the caller or answers 401. */
  const user =
    (handler: (userId: string, request: FastifyRequest, reply: FastifyReply) => unknown) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const userId = authenticate(ctx.store, request, reply);
      if (!userId) return reply;
      reply.header('cache-control', 'no-store');
      return handler(userId, request, reply);
    };

  app.get('/privacy/my-data', user((userId) => privacy.myData.for(userId)));

  app.get('/privacy/consents', user((userId) => privacy.consents.get(userId)));
  app.put(
    '/privacy/consents',
    user((userId, request, reply) => {
      const change = body(ConsentChangeSchema, request, reply);
      return change ? privacy.consents.set(userId, change.kind, change.granted) : reply;
    }),
  );

  app.get('/privacy/recommendations', user((userId) => privacy.recommendations.for(userId)));
  app.get('/privacy/disclosures', user((userId) => privacy.disclosures.for(userId)));

  app.get('/privacy/policy', user((userId) => privacy.policy.for(userId)));
  app.post(
    '/privacy/policy/acknowledgements',
    user((userId, request, reply) => {
      const ack = body(PolicyAcknowledgementSchema, request, reply);
      return ack ? privacy.policy.acknowledge(userId, ack.version) : reply;
    }),
  );
  // P5.7: the contact is public, so it is at hand even for someone who can no longer sign in.
  app.get('/privacy/contact', async () => ({ ...PRIVACY_CONTACT }));

  app.get('/privacy/requests', user((userId) => ({ requests: privacy.requests.list(userId) })));
  app.post(
    '/privacy/requests',
    user((userId, request, reply) => {
      const input = body(NewRightsRequestSchema, request, reply);
      return input ? reply.code(201).send(privacy.requests.create(userId, input)) : reply;
    }),
  );
  app.post(
    '/privacy/requests/:id/confirm',
    user((userId, request) => privacy.requests.confirm(userId, params(request), signedInAt(ctx, request))),
  );

  app.get('/privacy/exports', user((userId) => ({ exports: privacy.exports.list(userId) })));
  app.post(
    '/privacy/exports',
    user((userId, request, reply) => {
      // No body at all keeps the old meaning, every category; a body is validated like any other.
      const input = request.body === undefined ? {} : body(NewExportSchema, request, reply);
      return input ? reply.code(202).send(privacy.exports.create(userId, input.categories)) : reply;
    }),
  );
  app.get('/privacy/exports/:id', user((userId, request) => privacy.exports.get(userId, params(request))));
  app.get(
    '/privacy/exports/:id/download',
    user((userId, request, reply) => {
      const { path, job } = privacy.exports.file(userId, params(request));
      reply.type('application/zip').header('content-disposition', `attachment; filename="${job.fileName}"`).header('x-content-sha256', job.sha256 ?? '');
      // The archive's SHA-256 is its ETag: a resumed download continues only the same archive.
      return sendFileWithRanges(request, reply, path, `"${job.sha256}"`);
    }),
  );

  // P2.8: anonymous usage statistics. A request that identifies its sender is refused, not stripped.
  // Anonymous, so limited per address instead of per account.
  app.post('/telemetry/events', { config: { rateLimit: { max: TELEMETRY_PER_MINUTE, timeWindow: 60_000 } } }, async (request, reply) => {
    if (request.headers.authorization !== undefined || request.headers.cookie !== undefined) {
      return sendError(reply, new AppError('validation', 'Usage statistics are anonymous: send them without credentials.'));
    }
    const batch = body(TelemetryBatchSchema, request, reply);
    return batch ? { accepted: privacy.telemetry.add(batch.events) } : reply;
  });
}

/** When the caller's session began with a password sign-in (its token family's authorization code). */
function signedInAt(ctx: ApiContext, request: FastifyRequest): number | undefined {
  const token = (request.headers.authorization ?? '').slice('Bearer '.length);
  const row = ctx.db
    .prepare('SELECT c.used_at AS at FROM oauth_tokens t JOIN oauth_codes c ON c.family_id = t.family_id WHERE t.token_hash = ?')
    .get(sha256(token)) as { at: number } | undefined;
  return row?.at;
}
