import type { ServiceStatus } from '../../../shared/contract/service-contract';
import { call, support } from '../../app/bridge';

export const serviceApi = {
  status: () => call(support().service.status()),
  connect: (url: string) => call(support().service.connect({ url })),
  startDemo: () => call(support().service.startDemo()),
  dismissProblem: () => call(support().service.dismissProblem()),
  onDidChange: (callback: (status: ServiceStatus) => void) => support().on('service.onDidChange', callback),
};
