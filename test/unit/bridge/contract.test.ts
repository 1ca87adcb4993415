import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/bridge/handlers';
import type { Services } from '../../../main/compose';
import { buildSupportBridge } from '../../../shared/build-bridge';
import { EVENT_NAMES, METHOD_NAMES } from '../../../shared/channels';
import { events, methods } from '../../../shared/contract';

describe('the bridge contract', () => {
  it('declares a schema for exactly the methods and events in the channel list', () => {
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('has a main-process handler for every method', () => {
    const handlers = createHandlers({} as Services);
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) expect(typeof handlers[method]).toBe('function');
  });

  it('gives the renderer a window.support entry for every method, calling the right channel', async () => {
    const invoked: string[] = [];
    const bridge = buildSupportBridge({
      invoke: async (method) => (invoked.push(method), { ok: true, value: undefined }),
      subscribe: () => () => undefined,
    }) as unknown as Record<string, Record<string, () => Promise<unknown>>>;
    for (const method of METHOD_NAMES) {
      const [domain, verb] = method.split('.') as [string, string];
      await bridge[domain]![verb]!();
    }
    expect(invoked).toEqual([...METHOD_NAMES]);
  });

  it('delivers only the payload to event callbacks, and unsubscribes', () => {
    let emit: (event: (typeof EVENT_NAMES)[number], payload: unknown) => void = () => undefined;
    const bridge = buildSupportBridge({ invoke: async () => ({ ok: true, value: undefined }), subscribe: (l) => ((emit = l), () => undefined) });
    const received: unknown[][] = [];
    const off = bridge.on('session.onDidChange', (...args) => received.push(args));
    emit('session.onDidChange', { status: 'signed-out' });
    off();
    emit('session.onDidChange', { status: 'signed-out' });
    expect(received).toEqual([[{ status: 'signed-out' }]]);
    expect(() => bridge.on('no.such' as never, () => undefined)).toThrow(/Unknown event/);
  });

  it('keeps the preload free of zod (it only needs the channel names)', () => {
    const preload = readFileSync(new URL('../../../preload/index.ts', import.meta.url), 'utf8');
    const buildBridge = readFileSync(new URL('../../../shared/build-bridge.ts', import.meta.url), 'utf8');
    for (const source of [preload, buildBridge]) {
      expect(source).not.toMatch(/from ['"]zod['"]/);
      expect(source).not.toMatch(/shared\/contract['"]/);
    }
  });
});
