import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview } from '../../main/preview/start-preview';
import { startApiServer } from '../../server/app';

/**
 * A switchable link between the app and the support API: `down()` refuses and cuts every
 * connection, as a dead network does, while the API itself keeps running.
 */
async function switchableLink(target: string) {
  const { hostname, port } = new URL(target);
  let up = true;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('error', () => undefined);
      s.on('close', () => (client.destroy(), upstream.destroy(), open.delete(s)));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    down: () => ((up = false), open.forEach((s) => s.destroy())),
    up: () => void (up = true),
    close: () => new Promise<void>((resolve) => (open.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

/**
 * The preview against its own reference API (demo data, an engineer who answers after 1.5 s),
 * reached through a switchable link: `link.down()` is a network cut in the middle of a task.
 */
export async function previewBehindLink(name: string) {
  process.env.SUPPORT_DEMO_ENGINEER_DELAY_MS = '1500'; // the demo engineer answers quickly here
  const dir = mkdtempSync(join(tmpdir(), `esd-e2e-${name}-`));
  const api = await startApiServer({ dbPath: join(dir, 'api.sqlite'), seedDemoData: true });
  const link = await switchableLink(api.url);
  const preview = await startPreview({ dataDir: join(dir, 'app'), apiUrl: link.url });
  return {
    link,
    preview,
    close: async () => {
      await preview.close();
      await link.close();
      await api.close();
    },
  };
}
