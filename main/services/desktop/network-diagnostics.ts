import type { NetworkDiagnostics } from '../../../shared/contract/desktop-contract';
import type { ProxySettings } from '../../../shared/contract/settings';
import type { FetchLike } from '../api/api-client';
import { classifyNetworkError } from './network-errors';
import { parseProxyList, type ProxyPlatform } from './proxy-config';

export interface DiagnosticsDeps {
  apiUrl: string;
  fetch: FetchLike;
  proxy: ProxyPlatform;
  proxySettings: () => ProxySettings;
  now?: () => number;
}

/**
 * The diagnostics panel's data: which proxy the network stack picks for the API URL and what
 * happens when we call the API's health endpoint through that same stack.
 */
export async function runNetworkDiagnostics(deps: DiagnosticsDeps): Promise<NetworkDiagnostics> {
  const now = deps.now ?? Date.now;
  let resolvedProxy: string;
  let proxyProblem: string | undefined;
  try {
    resolvedProxy = await deps.proxy.resolve(deps.apiUrl);
  } catch (error) {
    resolvedProxy = '';
    proxyProblem = error instanceof Error ? error.message.slice(0, 300) : 'The proxy could not be determined.';
  }
  const started = now();
  let test: NetworkDiagnostics['test'];
  try {
    const response = await deps.fetch(new URL('/health', deps.apiUrl).toString(), { signal: AbortSignal.timeout(15_000), cache: 'no-store' });
    await response.body?.cancel();
    test = response.ok
      ? { ok: true, status: response.status, durationMs: now() - started }
      : { ok: false, status: response.status, durationMs: now() - started, problem: response.status === 407 ? 'proxy_auth' : 'http_error', detail: `HTTP ${response.status}` };
  } catch (error) {
    test = { ok: false, durationMs: now() - started, ...classifyNetworkError(error) };
  }
  return {
    apiUrl: deps.apiUrl,
    proxyMode: deps.proxySettings().mode,
    resolvedProxy,
    hops: parseProxyList(resolvedProxy),
    ...(proxyProblem ? { proxyProblem } : {}),
    test,
    checkedAt: new Date().toISOString(),
  };
}
