import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, EVENT_NAMES, INVOKE_CHANNEL, METHOD_NAMES } from '../../shared/channels';

// Checklist 20 (do not expose Electron APIs to untrusted web content): the real preload, run
// against a fake `electron` that records what it exposes and which IPC it touches.
const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  listeners: [] as [string, (...args: unknown[]) => void][],
  invoked: [] as unknown[][],
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => (electron.invoked.push(args), { ok: true, value: undefined }),
    on: (channel: string, listener: (...args: unknown[]) => void) => electron.listeners.push([channel, listener]),
    removeListener: () => undefined,
  },
}));
await import('../../preload/index');

type Api = Record<string, unknown> & { on: (event: string, callback: (...args: unknown[]) => void) => () => void };
const api = () => electron.exposed[0]![1] as Api;

describe('what the preload gives the page (checklist 20)', () => {
  it('exposes one object, window.support, made only of functions: one per bridge method, plus on()', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['support']);
    const domains = [...new Set(METHOD_NAMES.map((m) => m.split('.')[0]!))];
    expect(Object.keys(api()).sort()).toEqual([...domains, 'on'].sort());
    const leaves = Object.entries(api()).flatMap(([domain, value]) =>
      typeof value === 'function' ? [[domain, value]] : Object.entries(value as Record<string, unknown>).map(([verb, fn]) => [`${domain}.${verb}`, fn]),
    );
    expect(leaves.map(([name]) => name).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const [, fn] of leaves) expect(typeof fn).toBe('function');
  });

  it('sends every call over the one invoke channel with the method name; the page cannot choose a channel', async () => {
    const profile = api().profile as Record<string, (input?: unknown) => Promise<unknown>>;
    await profile.update!({ name: 'A' });
    expect(electron.invoked).toEqual([[INVOKE_CHANNEL, 'profile.update', { name: 'A' }]]);
  });

  it('listens on the event channel only, hands callbacks the payload alone (never the IPC event), and drops unknown events', () => {
    expect(electron.listeners.map(([channel]) => channel)).toEqual([EVENT_CHANNEL]);
    const forward = electron.listeners[0]![1];
    const received: unknown[][] = [];
    api().on(EVENT_NAMES[0], (...args) => received.push(args));
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    forward(ipcEvent, EVENT_NAMES[0], { status: 'signed-out' });
    forward(ipcEvent, 'not.an.event', { status: 'signed-out' });
    forward(ipcEvent, { toString: () => EVENT_NAMES[0] }, { status: 'signed-out' });
    expect(received).toEqual([[{ status: 'signed-out' }]]);
  });
});
