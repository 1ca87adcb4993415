import type { Policy } from '../policy/policy';
import type { KeyValueStore, SettingsService } from '../settings/settings-service';
import { demoChoice, ServiceConfigService } from './service-config';
import { NO_SERVICE_URL, planService, probeProblem, type ServicePlan } from './service-plan';

export interface DemoApi {
  url: string;
  demoAccount: { email: string; password: string };
  close(): Promise<void>;
}

export interface ServiceStartupDeps {
  policy: Policy;
  settings: SettingsService;
  store: KeyValueStore;
  buildDefaultUrl: string | null;
  /** The preview's SUPPORT_API_URL (a developer's own server): wins over Settings. */
  developerUrl?: string | undefined;
  /** Starts the embedded reference API; absent when the build does not carry it. */
  startDemoApi?: (() => Promise<DemoApi>) | undefined;
  /** `--demo` on the command line (`npm start`). */
  demoFlag: boolean;
  restart: () => void;
}

export interface ServiceStartup {
  plan: ServicePlan;
  /** What the services are built on: the service, the demo's loopback address, or nothing (NO_SERVICE_URL). */
  apiUrl: string;
  demo: DemoApi | null;
  service: ServiceConfigService;
}

/**
 * The start-up's service decision, shared by main/index.ts and the browser preview, with every
 * Electron piece passed in. It never throws for a bad address or a demo that fails to start: the
 * app then opens on the first-run screen or on Settings with the reason (issue 14).
 */
export async function startService(deps: ServiceStartupDeps): Promise<ServiceStartup> {
  let plan = planService({
    policy: deps.policy,
    savedUrl: deps.settings.saved().apiUrl,
    buildDefaultUrl: deps.buildDefaultUrl,
    developerUrl: deps.developerUrl,
    demoBuiltIn: Boolean(deps.startDemoApi),
    demoRequested: deps.demoFlag || demoChoice.read(deps.store),
  });
  let demo: DemoApi | null = null;
  if (plan.kind === 'demo') {
    try {
      demo = await deps.startDemoApi!();
    } catch (error) {
      plan = { kind: 'unconfigured', problem: { code: 'unreachable', url: 'demo', detail: error instanceof Error ? error.message : String(error) } };
    }
  }
  const apiUrl = plan.kind === 'remote' ? plan.url : (demo?.url ?? NO_SERVICE_URL);
  const service = new ServiceConfigService({ plan, policy: deps.policy, settings: deps.settings, store: deps.store, demoBuiltIn: Boolean(deps.startDemoApi), restart: deps.restart });
  return { plan, apiUrl, demo, service };
}

/** After the window is up: one check of a remote service, whose failure the first screen explains. */
export async function checkServiceAtStart(startup: ServiceStartup, diagnose: () => Promise<{ test: { ok: boolean; problem?: string; detail?: string } }>, signedIn: () => boolean): Promise<void> {
  if (startup.plan.kind !== 'remote') return;
  const { test } = await diagnose();
  const problem = probeProblem(startup.plan.url, test, signedIn());
  if (problem) startup.service.reportProblem(problem);
}
