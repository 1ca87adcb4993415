import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiServer, type ApiServerOptions } from '../../../server/app';

export type TestApi = {
  url: string;
  app: FastifyInstance;
  dbPath: string;
  clock: { now: () => number; advance(ms: number): void };
  close(): Promise<void>;
};

/**
 * A real server on loopback with a fresh SQLite file in a temp folder and a clock the test moves.
 * `configure` may add test-only routes before it starts listening.
 */
export async function startTestApi(
  options: Partial<ApiServerOptions> & { dir?: string; configure?: (app: FastifyInstance) => void } = {},
): Promise<TestApi> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'support-api-'));
  let time = Date.UTC(2026, 5, 1, 12, 0, 0);
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const dbPath = join(dir, 'reference-api.sqlite');
  const app = createApiServer({
    seedDemoData: true,
    now: clock.now,
    // Generous by default so one file's many sign-ins do not trip the limits; rate-limit tests pass their own.
    loginRateLimit: { maxFailuresPerAccount: 5, windowMs: 15 * 60_000, maxPerIp: 1000 },
    ...options,
    dbPath,
  });
  options.configure?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    dbPath,
    clock,
    close: async () => {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
