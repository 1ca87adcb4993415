import type { RECOVERY_METHODS } from '../../../shared/channel-names/recovery';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type RecoveryMethod = (typeof RECOVERY_METHODS)[number];

/** Bridge handlers of recovery from a damaged data folder: one line each, calling the service. */
export function recoveryHandlers(s: Services): { [M in RecoveryMethod]: Handler<M> } {
  return {
    'recovery.report': () => s.recovery.report(),
    'recovery.dismiss': () => s.recovery.dismiss(),
  };
}
