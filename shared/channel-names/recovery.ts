/** Bridge names of recovery from a damaged data folder (issue 19). Dependency-free: the preload imports it. */
export const RECOVERY_METHODS = ['recovery.report', 'recovery.dismiss'] as const;
export const RECOVERY_EVENTS = ['recovery.onDidChange'] as const;
