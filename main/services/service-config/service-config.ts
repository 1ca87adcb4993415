import type { ServiceProblem, ServiceStatus } from '../../../shared/contract/service-contract';
import { AppError } from '../../../shared/errors';
import { assertSafeApiUrl } from '../api/api-url-policy';
import { Emitter } from '../emitter';
import type { KeyValueStore, SettingsService } from '../settings/settings-service';
import { managedSettings, type Policy } from '../policy/policy';
import type { ServicePlan } from './service-plan';

const CHOICE_KEY = 'serviceChoice';

/** The user's "Try the demo", kept beside the settings (the demo's address changes at each start). */
export const demoChoice = {
  read: (store: KeyValueStore): boolean => (store.get(CHOICE_KEY) as { demo?: unknown } | undefined)?.demo === true,
  write: (store: KeyValueStore, demo: boolean): void => store.set(CHOICE_KEY, { demo }),
};

export interface ServiceConfigDeps {
  plan: ServicePlan;
  policy: Policy;
  settings: SettingsService;
  store: KeyValueStore;
  demoBuiltIn: boolean;
  /** Builds the services again on the new address (Electron relaunches; the preview rebuilds them). */
  restart: () => void;
}

/** What the first screen needs to know about the service, and the first-run choices (issue 14). */
export class ServiceConfigService {
  readonly onDidChange = new Emitter<ServiceStatus>();
  private problem: ServiceProblem | undefined;

  constructor(private readonly deps: ServiceConfigDeps) {
    this.problem = deps.plan.kind === 'unconfigured' ? deps.plan.problem : undefined;
  }

  status(): ServiceStatus {
    const { plan } = this.deps;
    return {
      source: plan.kind === 'remote' ? plan.source : plan.kind === 'demo' ? 'demo' : 'none',
      url: plan.kind === 'remote' ? plan.url : null,
      ...(this.problem ? { problem: this.problem } : {}),
      demoAvailable: this.deps.demoBuiltIn,
      managedSettings: managedSettings(this.deps.policy),
    };
  }

  /** Set by the start-up check (TLS failure, unreachable before the first sign-in). */
  reportProblem(problem: ServiceProblem | undefined): void {
    this.problem = problem;
    this.onDidChange.fire(this.status());
  }

  dismissProblem(): void {
    if (this.problem?.code === 'insecure_url') throw new AppError('insecure_url', 'This address cannot be used: enter an https address.');
    this.problem = undefined;
    this.onDidChange.fire(this.status());
  }

  connect(url: string): void {
    if (this.deps.policy.apiUrl) throw new AppError('forbidden', 'Your organisation has set the support service address.');
    const safe = assertSafeApiUrl(url);
    this.deps.settings.update({ apiUrl: safe });
    demoChoice.write(this.deps.store, false);
    this.deps.restart();
  }

  startDemo(): void {
    if (!this.deps.demoBuiltIn) throw new AppError('forbidden', 'This build of the app does not include the demo service.');
    if (this.deps.policy.apiUrl) throw new AppError('forbidden', 'Your organisation has set the support service address.');
    // The saved address would win over the demo at the next start: the user chose the demo instead.
    if (this.deps.settings.get().apiUrl) this.deps.settings.update({ apiUrl: null });
    demoChoice.write(this.deps.store, true);
    this.deps.restart();
  }
}
