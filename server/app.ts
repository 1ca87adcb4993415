import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import formBody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { LoginThrottle } from './auth/login-throttle';
import { OAuthStore } from './auth/oauth-store';
import type { ApiContext } from './context';
import { openDatabase } from './db/open-database';
import { seedDemoData } from './db/seed-demo';
import { registerErrorHandling } from './http/error-handling';
import { closeLogWithServer, loggerOptions, type RequestLogOptions } from './http/request-log';
import { registerSecurityHeaders } from './http/security-headers';
import { registerDocsRoutes } from './docs/docs-routes';
import { registerAuthorizeRoutes } from './routes/authorize-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerMeRoutes } from './routes/me-routes';
import { registerOpenApiRoutes } from './routes/openapi-routes';
import { registerTokenRoutes } from './routes/token-routes';
import { registerPrivacyRoutes } from './privacy/privacy-routes';
import { registerSoftwareRoutes } from './software/software-routes';
import { registerTicketRoutes } from './tickets/register-ticket-routes';
import { UserRepository } from './users/user-repository';

export type ApiServerOptions = {
  dbPath: string;
  /** Clock in epoch milliseconds; tests move it to expire codes and tokens. */
  now?: () => number;
  seedDemoData?: boolean;
  accessTokenTtlSeconds?: number;
  loginRateLimit?: { maxFailuresPerAccount: number; windowMs: number; maxPerIp: number };
  /** Requests to POST /oauth/token per client address and window. */
  tokenRateLimit?: { maxPerIp: number; windowMs: number };
  /** The request log (levels, sampling of successes, a rotating file): none when absent. */
  log?: RequestLogOptions;
  /** Enables the software admin decision route for callers sending this key (X-Admin-Key). */
  softwareAdminKey?: string;
};

export type ApiServerHandle = { url: string; close(): Promise<void>; db: Database };

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's database, for tests and the embedded mode's own checks. */
    db: Database;
  }
}

const DEFAULT_LOGIN_LIMIT = { maxFailuresPerAccount: 5, windowMs: 15 * 60_000, maxPerIp: 30 };
// A sign-in is one token request and a session refreshes about every 15 minutes, so 600 a minute
// leaves room for many people behind one address (and test suites signing in from 127.0.0.1)
// while still capping a guessing loop against codes and refresh tokens.
const DEFAULT_TOKEN_LIMIT = { maxPerIp: 600, windowMs: 60_000 };
const BODY_LIMIT = 64 * 1024;

/** Builds the API (database opened and migrated, routes registered) without listening. */
export function createApiServer(options: ApiServerOptions): FastifyInstance {
  const now = options.now ?? Date.now;
  const loginRateLimit = options.loginRateLimit ?? DEFAULT_LOGIN_LIMIT;
  const db = openDatabase(options.dbPath, now);
  const ctx: ApiContext = {
    db,
    now,
    store: new OAuthStore(db, now, options.accessTokenTtlSeconds ?? 900),
    users: new UserRepository(db),
    throttle: new LoginThrottle(db, loginRateLimit.maxFailuresPerAccount, loginRateLimit.windowMs, now),
    loginRateLimit,
    tokenRateLimit: options.tokenRateLimit ?? DEFAULT_TOKEN_LIMIT,
  };

  // trustProxy stays off: the server listens on loopback and request.ip must be the real peer.
  // pluginTimeout also bounds the onReady hooks: seeding the demo data (documentation packages, four
  // scrypt hashes) took over Fastify's default 10 s on a loaded two-core machine and failed the start.
  const app = Fastify({ ...loggerOptions(options.log), bodyLimit: BODY_LIMIT, trustProxy: false, pluginTimeout: 60_000 });
  app.decorate('db', db);
  closeLogWithServer(app, options.log);
  app.addHook('onClose', async () => db.close());
  if (options.seedDemoData) app.addHook('onReady', async () => void (await seedDemoData(db)));

  registerSecurityHeaders(app);
  registerErrorHandling(app);
  // Only JSON and forms are accepted; anything else (text/plain included) is a 415.
  app.removeContentTypeParser('text/plain');
  void app.register(formBody, { bodyLimit: BODY_LIMIT });
  void app.register(rateLimit, { global: false });
  // Routes go in a later plugin so rate-limit's onRoute hook is in place when they are added.
  void app.register(async (scope) => {
    registerHealthRoutes(scope, ctx);
    registerOpenApiRoutes(scope);
    registerAuthorizeRoutes(scope, ctx);
    registerTokenRoutes(scope, ctx);
    registerMeRoutes(scope, ctx);
    registerPrivacyRoutes(scope, ctx);
    registerSoftwareRoutes(scope, ctx, { dataDir: dirname(options.dbPath), ...(options.softwareAdminKey ? { adminKey: options.softwareAdminKey } : {}) });
    registerDocsRoutes(scope, ctx);
    registerTicketRoutes(scope, ctx);
  });
  return app;
}

/** Builds and listens (127.0.0.1 and a free port by default); what tests and the embedded mode call. */
export async function startApiServer(options: ApiServerOptions & { port?: number; host?: string }): Promise<ApiServerHandle> {
  const app = createApiServer(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, close: () => app.close(), db: app.db };
}
