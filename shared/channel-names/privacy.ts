/** Bridge names of the privacy domain (issue 6). Dependency-free: the preload imports it. */
export const PRIVACY_METHODS = [] as const;
export const PRIVACY_EVENTS = [] as const;
