/** Bridge names of the logs (issue 14). Dependency-free: the preload imports it. */
export const LOGS_METHODS = ['logs.report', 'logs.openFolder', 'logs.show', 'logs.info'] as const;
