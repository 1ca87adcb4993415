/** Bridge names of the docs domain (issue 3). Dependency-free: the preload imports it. */
export const DOCS_METHODS = [] as const;
export const DOCS_EVENTS = [] as const;
