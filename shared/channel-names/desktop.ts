/** Bridge names of the desktop domain (issue 7). Dependency-free: the preload imports it. */
export const DESKTOP_METHODS = [] as const;
export const DESKTOP_EVENTS = [] as const;
