import type { LOGS_METHODS } from '../../../shared/channel-names/logs';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type LogsMethod = (typeof LOGS_METHODS)[number];

/** Bridge handlers of the logs (issue 14): one line each, calling the service. */
export function logsHandlers(s: Services): { [M in LogsMethod]: Handler<M> } {
  return {
    'logs.report': (report) => s.logs.report(report),
    'logs.openFolder': () => s.logs.openFolder(),
    'logs.show': () => s.logs.show(),
    'logs.info': () => s.logs.info(),
  };
}
