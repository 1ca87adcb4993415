import type { RendererErrorReport } from '../../../shared/contract/logs-contract';
import { logsApi } from './logs.api';

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** Sends an error in this window to main's renderer log (issue 14); a failure to report is never reported again. */
export function reportError(kind: RendererErrorReport['kind'], error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'A value that is not an Error was thrown.';
  const stack = error instanceof Error && error.stack ? clip(error.stack, 8000) : undefined;
  const route = clip(window.location.hash.split('?')[0] ?? '', 200);
  void logsApi.report({ kind, message: clip(message, 2000), ...(stack ? { stack } : {}), ...(route ? { route } : {}) }).catch(() => undefined);
}

/** window.onerror and unhandled promise rejections, forwarded through the bridge's validated logs.report. */
export function forwardWindowErrors(): () => void {
  const onError = (event: ErrorEvent) => reportError('error', event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => reportError('rejection', event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
