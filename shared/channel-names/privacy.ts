/** Bridge names of the privacy domain (issue 6). Dependency-free: the preload imports it. */
export const PRIVACY_METHODS = [
  'privacy.myData',
  'privacy.deviceData',
  'privacy.consents',
  'privacy.setConsent',
  'privacy.recommendations',
  'privacy.disclosures',
  'privacy.policy',
  'privacy.acknowledgePolicy',
  'privacy.contact',
  'privacy.requests',
  'privacy.createRequest',
  'privacy.confirmRequest',
  'privacy.exports',
  'privacy.createExport',
  'privacy.downloadExport',
  'privacy.clearLocalData',
  'privacy.usage',
  'privacy.recordScreen',
] as const;
export const PRIVACY_EVENTS = [] as const;
