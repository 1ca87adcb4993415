import WebSocket from 'ws';
import type { Dispatch } from '../../../main/bridge/registrar';
import { startPreviewServer, type PreviewServer } from '../../../main/preview/preview-server';

export interface SocketClient {
  server: PreviewServer;
  /** Sends a raw frame. */
  sendRaw(frame: string | Buffer): void;
  /** Sends one call and waits for its answer. */
  call(method: unknown, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** The browser preview's bridge socket, authorised as the preview page is (token and Origin). */
export async function connectPreviewSocket(staticRoot: string, dispatch: Dispatch): Promise<SocketClient> {
  const server = await startPreviewServer({ staticRoot, dispatch });
  const token = new URL(server.url).searchParams.get('token')!;
  const ws = new WebSocket(`${server.origin.replace('http:', 'ws:')}/bridge?token=${token}`, { origin: server.origin });
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const { id, result } = JSON.parse(String(data)) as { id: number; result: unknown };
    pending.get(id)?.(result);
    pending.delete(id);
  });
  let next = 1;
  return {
    server,
    sendRaw: (frame) => ws.send(frame),
    call: (method, input) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      }),
    close: async () => {
      ws.close();
      await server.close();
    },
  };
}
