import { EVENT_NAMES, METHOD_NAMES, type EventName } from './channels';
import type { BridgeTransport, SupportBridge } from './bridge-types';

/**
 * Builds window.support from the channel list over any transport. Shared by the preload and the
 * browser preview so both expose exactly the same object. Dependency-free on purpose (no zod).
 */
export function buildSupportBridge(transport: BridgeTransport): SupportBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const [domain, verb] = method.split('.') as [string, string];
    const group = (bridge[domain] ??= {}) as Record<string, unknown>;
    group[verb] = (input?: unknown) => transport.invoke(method, input);
  }
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    for (const callback of listeners.get(event) ?? []) callback(payload);
  });
  bridge.on = (event: EventName, callback: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof callback !== 'function') throw new Error('The callback must be a function.');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(callback);
    return () => set.delete(callback);
  };
  return bridge as SupportBridge;
}
