/** Bridge names of the support service's configuration (issue 14). Dependency-free: the preload imports it. */
export const SERVICE_METHODS = ['service.status', 'service.connect', 'service.startDemo', 'service.dismissProblem'] as const;
export const SERVICE_EVENTS = ['service.onDidChange'] as const;
