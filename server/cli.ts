import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startApiServer } from './app';
import { DEMO_ACCOUNT } from './db/seed-demo';
import { DEFAULT_SAMPLE_EVERY, LOG_LEVELS, openRotatingLog } from './http/request-log';

const PortSchema = z.coerce.number().int().min(0).max(65535);
const LogSchema = z.object({
  level: z.enum(LOG_LEVELS, '--log-level must be one of fatal, error, warn, info, debug, trace, silent.'),
  sampleEvery: z.coerce.number('--log-sample must be a whole number from 1.').int().min(1),
  file: z.string().optional(),
  maxSize: z.string().regex(/^\d+[kmg]?$/, '--log-max-size is a size like 10m or 512k.'),
  keep: z.coerce.number('--log-keep must be a whole number from 1.').int().min(1),
});

async function main(): Promise<void> {
  const text = { type: 'string' } as const;
  const { values } = parseArgs({
    options: { port: text, db: text, host: text, 'log-level': text, 'log-sample': text, 'log-file': text, 'log-max-size': text, 'log-keep': text },
  });
  const port = PortSchema.safeParse(values.port ?? process.env.SUPPORT_API_PORT ?? '4010');
  if (!port.success) throw new Error('--port (or SUPPORT_API_PORT) must be a number from 0 to 65535.');
  const dbPath = resolve(values.db ?? process.env.SUPPORT_API_DB ?? './reference-api.sqlite');
  const log = LogSchema.safeParse({
    level: values['log-level'] ?? process.env.SUPPORT_API_LOG_LEVEL ?? 'info',
    sampleEvery: values['log-sample'] ?? process.env.SUPPORT_API_LOG_SAMPLE ?? DEFAULT_SAMPLE_EVERY,
    file: values['log-file'] ?? process.env.SUPPORT_API_LOG_FILE,
    maxSize: values['log-max-size'] ?? '10m',
    keep: values['log-keep'] ?? '5',
  });
  if (!log.success) throw new Error(log.error.issues.map((issue) => issue.message).join(' '));
  const { file, maxSize, keep, ...levels } = log.data;
  const stream = file ? await openRotatingLog(resolve(file), { maxSize, keep }) : undefined;

  const server = await startApiServer({ dbPath, port: port.data, host: values.host, seedDemoData: true, log: { ...levels, ...(stream ? { stream } : {}) } });
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
