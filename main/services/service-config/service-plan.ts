import type { ServiceProblem } from '../../../shared/contract/service-contract';
import { assertSafeApiUrl } from '../api/api-url-policy';
import type { Policy } from '../policy/policy';

export interface ServiceInputs {
  policy: Policy;
  /** The address saved in the user's Settings, as stored (it may predate the https rule). */
  savedUrl: string | null;
  /** A developer's SUPPORT_API_URL for the browser preview: above Settings, below policy. */
  developerUrl?: string | null | undefined;
  /** The address baked into the build (electron-builder.yml extraMetadata.supportServiceUrl). */
  buildDefaultUrl: string | null;
  /** This build carries the embedded reference API (built with `--mode demo`). */
  demoBuiltIn: boolean;
  /** The developer's `--demo` flag (`npm start`) or the user's "Try the demo". */
  demoRequested: boolean;
}

export type ServicePlan =
  | { kind: 'remote'; url: string; source: 'policy' | 'settings' | 'build' }
  | { kind: 'demo' }
  /** No usable address: the first-run screen, or Settings with the reason when a saved one is bad. */
  | { kind: 'unconfigured'; problem?: ServiceProblem };

/**
 * Which service the app talks to, decided before anything is built. Policy, then the user's
 * Settings, then the demo if asked for and built in, then the build's default. Never throws: a bad
 * saved address becomes a problem the first screen explains, instead of a start that exits.
 */
export function planService(inputs: ServiceInputs): ServicePlan {
  if (inputs.policy.apiUrl) return { kind: 'remote', url: inputs.policy.apiUrl, source: 'policy' };
  const userUrl = inputs.developerUrl ?? inputs.savedUrl;
  if (userUrl) {
    try {
      return { kind: 'remote', url: assertSafeApiUrl(userUrl), source: 'settings' };
    } catch (error) {
      return { kind: 'unconfigured', problem: { code: 'insecure_url', url: userUrl, detail: error instanceof Error ? error.message : undefined } };
    }
  }
  if (inputs.demoRequested && inputs.demoBuiltIn) return { kind: 'demo' };
  if (inputs.buildDefaultUrl) {
    try {
      return { kind: 'remote', url: assertSafeApiUrl(inputs.buildDefaultUrl), source: 'build' };
    } catch (error) {
      return { kind: 'unconfigured', problem: { code: 'insecure_url', url: inputs.buildDefaultUrl, detail: error instanceof Error ? error.message : undefined } };
    }
  }
  return { kind: 'unconfigured' };
}

/** The start-up check's verdict on a remote service: TLS failures always need the user; an unreachable one only before anyone has signed in. */
export function probeProblem(url: string, test: { ok: boolean; problem?: string; detail?: string }, signedIn: boolean): ServiceProblem | undefined {
  if (test.ok) return undefined;
  const detail = test.detail?.slice(0, 500);
  if (test.problem?.startsWith('tls_')) return { code: 'tls', url, ...(detail ? { detail } : {}) };
  if (signedIn || test.problem === 'http_error' || test.problem?.startsWith('proxy_')) return undefined;
  return { code: 'unreachable', url, ...(detail ? { detail } : {}) };
}

/**
 * Where the composed services point when no service is configured: the discard port on this
 * computer, which nothing answers. The renderer shows the first-run screen instead of using it.
 */
export const NO_SERVICE_URL = 'http://127.0.0.1:9';
