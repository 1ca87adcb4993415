/** Bridge names of the tickets domain (issue 5). Dependency-free: the preload imports it. */
export const TICKETS_METHODS = [] as const;
export const TICKETS_EVENTS = [] as const;
