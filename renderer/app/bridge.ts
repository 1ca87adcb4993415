import type { SupportBridge } from '../../shared/bridge-types';
import type { AppErrorShape, ErrorCode, Result } from '../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the preview shim (browser). */
    support: SupportBridge;
  }
}

/** A failed bridge call, thrown so TanStack Query and forms can treat it like any other error. */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly downloadReason?: AppErrorShape['downloadReason'];

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'BridgeError';
    this.code = shape.code;
    if (shape.fields) this.fields = shape.fields;
    if (shape.downloadReason) this.downloadReason = shape.downloadReason;
  }
}

export function isBridgeError(error: unknown): error is BridgeError {
  return error instanceof BridgeError;
}

/**
 * The bridge, read lazily: the preview installs window.support after the modules are evaluated,
 * so nothing may capture it at import time.
 */
export function support(): SupportBridge {
  return window.support;
}

/** Unwraps a bridge Result: the value, or a thrown BridgeError. */
export async function call<T>(result: Promise<Result<T>>): Promise<T> {
  const outcome = await result;
  if (outcome.ok) return outcome.value;
  throw new BridgeError(outcome.error);
}
