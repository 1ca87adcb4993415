import type { PRIVACY_METHODS } from '../../../shared/channel-names/privacy';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type PrivacyMethod = (typeof PRIVACY_METHODS)[number];

/** Bridge handlers of the privacy domain: one line each, calling a service. */
export function privacyHandlers(_s: Services): { [M in PrivacyMethod]: Handler<M> } {
  return {};
}
