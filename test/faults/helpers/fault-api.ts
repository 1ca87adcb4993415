import type { Database } from 'better-sqlite3';
import { seedDemoData } from '../../../server/db/seed-demo';
import { startTestApi, type TestApi } from '../../integration/server/helpers';

/**
 * The reference API on loopback with demo data and the real clock, shared by a test file's previews.
 * The demo data is seeded after the server listens rather than in its onReady hook: building the demo
 * documentation outlasts Fastify's 10 s hook budget when several test runs share the 2 cores.
 */
export async function startFaultApi(): Promise<TestApi> {
  const api = await startTestApi({ now: () => Date.now(), seedDemoData: false });
  await seedDemoData((api.app as unknown as { db: Database }).db);
  return api;
}
