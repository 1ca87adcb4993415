import type { DESKTOP_METHODS } from '../../../shared/channel-names/desktop';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type DesktopMethod = (typeof DESKTOP_METHODS)[number];

/** Bridge handlers of the desktop domain: one line each, calling a service. */
export function desktopHandlers(s: Services): { [M in DesktopMethod]: Handler<M> } {
  return {
    'desktop.diagnose': () => s.desktop.diagnose(),
    'desktop.answerProxyLogin': (answer) => s.desktop.proxyLogin.answer(answer.id, 'cancel' in answer ? null : { username: answer.username, password: answer.password }),
    'desktop.updateStatus': () => s.desktop.updates.get(),
    'desktop.checkForUpdates': () => s.desktop.updates.check(),
    'desktop.downloadUpdate': () => s.desktop.updates.download(),
    'desktop.installUpdate': () => s.desktop.updates.restartAndInstall(),
    'desktop.takePendingNavigation': () => s.desktop.navigation.takePendingNavigation(),
  };
}
