/** Bridge names of the software domain (issue 4). Dependency-free: the preload imports it. */
export const SOFTWARE_METHODS = [] as const;
export const SOFTWARE_EVENTS = [] as const;
