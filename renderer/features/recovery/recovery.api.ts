import type { EventPayload } from '../../../shared/contract';
import { call, support } from '../../app/bridge';

export const recoveryApi = {
  report: () => call(support().recovery.report()),
  dismiss: () => call(support().recovery.dismiss()),
  onDidChange: (callback: (report: EventPayload<'recovery.onDidChange'>) => void) => support().on('recovery.onDidChange', callback),
};
