import type { NetworkStatus } from '../../../shared/contract';
import { call, support } from '../../app/bridge';

export const networkApi = {
  status: () => call(support().network.status()),
  check: () => call(support().network.check()),
  onDidChangeStatus: (callback: (status: NetworkStatus) => void) => support().on('network.onDidChangeStatus', callback),
};
