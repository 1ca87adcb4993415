import type { DESKTOP_METHODS } from '../../../shared/channel-names/desktop';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type DesktopMethod = (typeof DESKTOP_METHODS)[number];

/** Bridge handlers of the desktop domain: one line each, calling a service. */
export function desktopHandlers(_s: Services): { [M in DesktopMethod]: Handler<M> } {
  return {};
}
