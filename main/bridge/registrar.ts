import { METHOD_NAMES, type MethodName } from '../../shared/channels';
import { methods } from '../../shared/contract';
import { AppError, toErrorShape, validationError, type Result } from '../../shared/errors';
import { storageErrorFor } from '../services/local-db/sqlite-errors';
import type { HandlerTable } from './handlers';

/** Who sent a bridge call, as the transport (IPC or the preview socket) saw it. */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string;
  /** False for iframes: only the app's own top-level page may call the bridge. */
  isTopFrame: boolean;
}

export interface DispatcherOptions {
  handlers: HandlerTable;
  /** True for the app's own origin(s): app://bundle in Electron, the preview's own origin in the browser. */
  isTrustedOrigin: (url: string) => boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

export type Dispatch = (method: unknown, input: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

const KNOWN = new Set<string>(METHOD_NAMES);

/**
 * The single gate of the bridge: unknown channel, foreign sender and malformed input are each
 * refused with a typed error before any service is called. Results never throw across the bridge.
 */
export function createDispatcher({ handlers, isTrustedOrigin, onInternalError }: DispatcherOptions): Dispatch {
  return async (method, input, sender) => {
    if (typeof method !== 'string' || !KNOWN.has(method)) {
      // Never String() a non-string: an object whose toString is not a function makes it throw.
      const name = typeof method === 'string' ? JSON.stringify(method).slice(0, 80) : `of type ${method === null ? 'null' : typeof method}`;
      return fail(new AppError('unknown_channel', `There is no bridge method named ${name}.`));
    }
    if (!sender.isTopFrame || !isTrustedOrigin(sender.url)) {
      return fail(new AppError('forbidden_sender', 'Only the app itself may call this.'));
    }
    const name = method as MethodName;
    const parsed = methods[name].input.safeParse(input);
    if (!parsed.success) return fail(validationError(parsed.error));
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof AppError)) onInternalError?.(name, error);
      // A full disk or a damaged database is something the user can act on, not an internal error.
      return { ok: false, error: toErrorShape(storageErrorFor(error) ?? error) };
    }
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toJSON() };
}
