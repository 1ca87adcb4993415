import type { ConsentChange, NewExport, NewRightsRequest } from '../../../shared/api/privacy';
import type { TELEMETRY_SCREENS } from '../../../shared/api/privacy';
import { call, support } from '../../app/bridge';

/** The only file of the privacy feature that touches window.support. */
export const privacyApi = {
  myData: () => call(support().privacy.myData()),
  deviceData: () => call(support().privacy.deviceData()),
  consents: () => call(support().privacy.consents()),
  setConsent: (change: ConsentChange) => call(support().privacy.setConsent(change)),
  recommendations: () => call(support().privacy.recommendations()),
  disclosures: () => call(support().privacy.disclosures()),
  policy: () => call(support().privacy.policy()),
  acknowledgePolicy: (version: string) => call(support().privacy.acknowledgePolicy({ version })),
  contact: () => call(support().privacy.contact()),
  requests: () => call(support().privacy.requests()),
  createRequest: (input: NewRightsRequest) => call(support().privacy.createRequest(input)),
  confirmRequest: (id: string) => call(support().privacy.confirmRequest({ id })),
  exports: () => call(support().privacy.exports()),
  createExport: (input: NewExport) => call(support().privacy.createExport(input)),
  downloadExport: (id: string) => call(support().privacy.downloadExport({ id })),
  clearLocalData: () => call(support().privacy.clearLocalData({ confirmed: true })),
  usage: () => call(support().privacy.usage()),
  recordScreen: (screen: (typeof TELEMETRY_SCREENS)[number]) => call(support().privacy.recordScreen({ screen })),
  openExternal: (url: string) => call(support().app.openExternal({ url })),
};
