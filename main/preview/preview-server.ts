import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventSink } from '../bridge/events';
import type { Dispatch } from '../bridge/registrar';
import { rendererSecurityHeaders } from '../security/csp';
import { mimeType, resolveInside } from '../security/static-files';
import { DOCS_ASSET_PREFIX, docsAssetHeaders, type DocsAssetResolver } from '../services/docs/asset-headers';

export interface PreviewServer {
  /** The URL to open, carrying the one-time token. */
  url: string;
  origin: string;
  broadcast: EventSink;
  close(): Promise<void>;
}

/**
 * Serves the renderer bundle and answers window.support calls over a WebSocket, through the same
 * dispatcher the Electron app uses. Loopback only; a random token and an Origin check keep other
 * local programs and other web pages from driving the bridge.
 */
export async function startPreviewServer(options: { staticRoot: string; dispatch: Dispatch; port?: number; docsAssets?: DocsAssetResolver }): Promise<PreviewServer> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const notFound = (res: ServerResponse) => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    // Documentation images, served offline as the app's custom protocol serves them (traversal-checked).
    if (options.docsAssets && path.startsWith(DOCS_ASSET_PREFIX) && req.method === 'GET') {
      const asset = await options.docsAssets(path);
      const body = asset ? await readFile(asset.file).catch(() => null) : null;
      if (asset && body) res.writeHead(200, docsAssetHeaders(asset.type)).end(body);
      else notFound(res);
      return;
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? await resolveInside(options.staticRoot, path) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return void notFound(res);
    const headers = { 'Content-Type': mimeType(file), 'Cache-Control': 'no-store', ...rendererSecurityHeaders([origin.replace('http:', 'ws:')]) };
    res.writeHead(200, headers).end(body);
  };
  // An async request listener whose promise rejects is an unhandled rejection, which ends Node: one bad
  // request must cost that request a 500, never the whole preview.
  const server = createServer((req, res) => {
    answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal error');
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (!isAuthorised(req, origin, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, options.dispatch, origin));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    broadcast: (event, payload) => {
      const message = JSON.stringify({ event, payload });
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
    },
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isAuthorised(req: IncomingMessage, origin: string, token: string): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return url.pathname === '/bridge' && req.headers.origin === origin && given.length === expected.length && timingSafeEqual(given, expected);
}

function serve(ws: WebSocket, dispatch: Dispatch, origin: string): void {
  // A frame ws refuses (invalid UTF-8, over maxPayload) is reported here and the socket is closed with
  // 1007 or 1009; with no listener the 'error' event is thrown and ends the process.
  ws.on('error', () => undefined);
  ws.on('message', async (data) => {
    let message: { id?: unknown; method?: unknown; input?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return; // not ours: ignore rather than crash the preview
    }
    // JSON.parse also returns null, numbers and strings: only an object with a numeric id is a call.
    if (typeof message !== 'object' || message === null || typeof message.id !== 'number') return;
    // The Origin was checked at the upgrade; in a browser tab the page is the top-level frame.
    const result = await dispatch(message.method, message.input, { url: `${origin}/`, isTopFrame: true });
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, result }));
  });
}
