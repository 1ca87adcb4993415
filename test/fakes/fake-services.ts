import type { Services } from '../../main/compose';
import type { HandlerTable } from '../../main/bridge/handlers';
import { METHOD_NAMES, type MethodName } from '../../shared/channels';

/**
 * A handler table whose every handler records its calls, for the registrar tests: they prove that a
 * refused call never reaches a service.
 */
export function recordingHandlers(): { handlers: HandlerTable; calls: { method: MethodName; input: unknown }[] } {
  const calls: { method: MethodName; input: unknown }[] = [];
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => (calls.push({ method, input }), undefined)]),
  ) as unknown as HandlerTable;
  return { handlers, calls };
}

export type { Services };
