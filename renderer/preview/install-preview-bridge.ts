import type { BridgeTransport } from '../../shared/bridge-types';
import { buildSupportBridge } from '../../shared/build-bridge';
import { EVENT_NAMES, type EventName, type MethodName } from '../../shared/channels';
import type { Result } from '../../shared/errors';

/**
 * Browser preview only (dropped from the Electron build): window.support over a loopback WebSocket
 * to the preview server, which runs the same dispatcher and services as the Electron main process.
 */
const TOKEN_KEY = 'support-preview-token';
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
sessionStorage.setItem(TOKEN_KEY, token);
if (params.has('token')) history.replaceState(null, '', `${location.pathname}${location.hash}`); // keep the token out of bookmarks

const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
const opened = new Promise<boolean>((resolve) => {
  socket.addEventListener('open', () => resolve(true), { once: true });
  socket.addEventListener('error', () => resolve(false), { once: true });
});
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Set<(event: EventName, payload: unknown) => void>();
let nextId = 1;

const disconnected: Result<never> = {
  ok: false,
  error: { code: 'offline', message: 'The preview server is not running. Start it with "npm run preview" and reload.' },
};

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
  if (typeof data.id === 'number' && data.result) {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else if (typeof data.event === 'string' && (EVENT_NAMES as readonly string[]).includes(data.event)) {
    for (const listener of listeners) listener(data.event as EventName, data.payload);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(disconnected);
  pending.clear();
});

const transport: BridgeTransport = {
  async invoke(method: MethodName, input: unknown) {
    if (!(await opened) || socket.readyState !== WebSocket.OPEN) return disconnected;
    const id = nextId++;
    const result = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
    socket.send(JSON.stringify({ id, method, input }));
    const answer = await result;
    // In the app, main opens the system browser for sign-in; here this browser is the system browser.
    if (method === 'session.signIn' && answer.ok) window.open((answer.value as { authorizeUrl: string }).authorizeUrl, '_blank', 'noopener');
    return answer;
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

window.support = buildSupportBridge(transport);
