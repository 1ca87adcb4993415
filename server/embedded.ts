import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type ApiServerHandle } from './app';
import { DEMO_ACCOUNT } from './db/seed-demo';

export type EmbeddedApiHandle = ApiServerHandle & { demoAccount: { email: string; password: string } };

/**
 * The API the desktop app starts for itself when no API URL is configured, so a first run shows a
 * working product. Demo data is seeded only into an empty database.
 */
export async function startEmbeddedApi(dataDir: string): Promise<EmbeddedApiHandle> {
  mkdirSync(dataDir, { recursive: true });
  const handle = await startApiServer({ dbPath: join(dataDir, 'reference-api.sqlite'), seedDemoData: true });
  return { ...handle, demoAccount: { ...DEMO_ACCOUNT } };
}
