import type { SessionState } from '../../../shared/contract';
import { call, support } from '../../app/bridge';

export const sessionApi = {
  get: () => call(support().session.get()),
  signIn: () => call(support().session.signIn()),
  cancelSignIn: () => call(support().session.cancelSignIn()),
  signOut: () => call(support().session.signOut()),
  onDidChange: (callback: (state: SessionState) => void) => support().on('session.onDidChange', callback),
};
