import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startApiServer } from './app';
import { DEMO_ACCOUNT } from './db/seed-demo';

const PortSchema = z.coerce.number().int().min(0).max(65535);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' }, host: { type: 'string' } } });
  const port = PortSchema.safeParse(values.port ?? process.env.SUPPORT_API_PORT ?? '4010');
  if (!port.success) throw new Error('--port (or SUPPORT_API_PORT) must be a number from 0 to 65535.');
  const dbPath = resolve(values.db ?? process.env.SUPPORT_API_DB ?? './reference-api.sqlite');

  const server = await startApiServer({ dbPath, port: port.data, host: values.host, seedDemoData: true, logger: true });
  console.log(`Support API listening on ${server.url}`);
  console.log(`Database: ${dbPath}`);
  console.log(`Demo sign-in: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`);

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, closing.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
