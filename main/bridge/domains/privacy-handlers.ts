import type { PRIVACY_METHODS } from '../../../shared/channel-names/privacy';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type PrivacyMethod = (typeof PRIVACY_METHODS)[number];

/** Bridge handlers of the privacy domain: one line each, calling a service. */
export function privacyHandlers(s: Services): { [M in PrivacyMethod]: Handler<M> } {
  return {
    'privacy.myData': () => s.privacy.myData(),
    'privacy.deviceData': () => s.privacy.deviceData(),
    'privacy.consents': () => s.privacy.consents(),
    'privacy.setConsent': (change) => s.privacy.setConsent(change),
    'privacy.recommendations': () => s.privacy.recommendations(),
    'privacy.disclosures': () => s.privacy.disclosures(),
    'privacy.policy': () => s.privacy.policy(),
    'privacy.acknowledgePolicy': ({ version }) => s.privacy.acknowledgePolicy(version),
    'privacy.contact': () => s.privacy.contact(),
    'privacy.requests': () => s.privacy.requests(),
    'privacy.createRequest': (input) => s.privacy.createRequest(input),
    'privacy.confirmRequest': ({ id }) => s.privacy.confirmRequest(id),
    'privacy.exports': () => s.privacy.exports(),
    'privacy.createExport': (input) => s.privacy.createExport(input),
    'privacy.downloadExport': ({ id }) => s.privacy.downloadExport(id),
    'privacy.clearLocalData': () => s.clearLocalData(),
    'privacy.usage': () => s.telemetry.view(),
    'privacy.recordScreen': ({ screen }) => s.telemetry.record('screen.viewed', screen),
  };
}
