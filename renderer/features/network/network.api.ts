import type { NetworkStatus } from '../../../shared/contract';
import type { ProxyLoginRequest } from '../../../shared/contract/desktop-contract';
import { call, support } from '../../app/bridge';

export const networkApi = {
  status: () => call(support().network.status()),
  check: () => call(support().network.check()),
  onDidChangeStatus: (callback: (status: NetworkStatus) => void) => support().on('network.onDidChangeStatus', callback),
  diagnose: () => call(support().desktop.diagnose()),
};

export const proxySignInApi = {
  answer: (id: string, credentials: { username: string; password: string }) => call(support().desktop.answerProxyLogin({ id, ...credentials })),
  cancel: (id: string) => call(support().desktop.answerProxyLogin({ id, cancel: true })),
  onRequest: (callback: (request: ProxyLoginRequest) => void) => support().on('desktop.onProxyLogin', callback),
  onSettled: (callback: (settled: { id: string }) => void) => support().on('desktop.onProxyLoginSettled', callback),
};
