import type { SERVICE_METHODS } from '../../../shared/channel-names/service';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** Bridge handlers of the support service's configuration (issue 14): one line each, calling the service. */
export function serviceHandlers(s: Services): { [M in ServiceMethod]: Handler<M> } {
  return {
    'service.status': () => s.service.status(),
    'service.connect': ({ url }) => s.service.connect(url),
    'service.startDemo': () => s.service.startDemo(),
    'service.dismissProblem': () => s.service.dismissProblem(),
  };
}
