import type { MethodName } from '../../shared/channels';
import type { MethodOutput, MethodParsedInput } from '../../shared/contract';
import type { Services } from '../compose';
import { desktopHandlers } from './domains/desktop-handlers';
import { docsHandlers } from './domains/docs-handlers';
import { privacyHandlers } from './domains/privacy-handlers';
import { recoveryHandlers } from './domains/recovery-handlers';
import { logsHandlers } from './domains/logs-handlers';
import { serviceHandlers } from './domains/service-handlers';
import { softwareHandlers } from './domains/software-handlers';
import { ticketsHandlers } from './domains/tickets-handlers';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** One line per contract method: the bridge is a thin shell over the services. Domains add theirs in domains/. */
export function createHandlers(s: Services): HandlerTable {
  return {
    'app.info': () => s.appInfo(),
    'app.openExternal': ({ url }) => s.links.open(url),
    'session.get': () => s.session.get(),
    'session.signIn': () => s.session.signIn(),
    'session.cancelSignIn': () => s.session.cancelSignIn(),
    'session.signOut': () => s.session.signOut(),
    'profile.get': () => s.profile.get(),
    'profile.update': (patch) => s.profile.update(patch),
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => s.settings.update(patch),
    'network.status': () => s.network.get(),
    'network.check': () => s.network.check(),
    ...docsHandlers(s),
    ...softwareHandlers(s),
    ...ticketsHandlers(s),
    ...privacyHandlers(s),
    ...desktopHandlers(s),
    ...recoveryHandlers(s),
    ...serviceHandlers(s),
    ...logsHandlers(s),
  };
}
