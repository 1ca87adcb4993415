import { useEffect } from 'react';
import { osNavigationApi } from './palette.api';
import { useOpenPath } from './CommandPalette';

/**
 * Deep links, notification clicks, the tray and the menu send the window to a screen. The link
 * that launched the app is waiting in main; it is collected once the shell is up.
 */
export function useOsNavigation(): void {
  const openPath = useOpenPath();
  useEffect(() => {
    const off = osNavigationApi.onNavigate(({ path }) => openPath(path));
    void osNavigationApi.takePending().then((pending) => pending && openPath(pending.path), () => undefined);
    return off;
    // openPath changes with every navigation; subscribing once is what is wanted here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
