import type { SOFTWARE_METHODS } from '../../../shared/channel-names/software';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type SoftwareMethod = (typeof SOFTWARE_METHODS)[number];

/** Bridge handlers of the software domain: one line each, calling a service. */
export function softwareHandlers(_s: Services): { [M in SoftwareMethod]: Handler<M> } {
  return {};
}
