/** Bridge names of the desktop domain (issue 7). Dependency-free: the preload imports it. */
export const DESKTOP_METHODS = [
  'desktop.diagnose',
  'desktop.answerProxyLogin',
  'desktop.updateStatus',
  'desktop.checkForUpdates',
  'desktop.downloadUpdate',
  'desktop.installUpdate',
  'desktop.takePendingNavigation',
] as const;
export const DESKTOP_EVENTS = ['desktop.onNavigate', 'desktop.onCommand', 'desktop.onProxyLogin', 'desktop.onProxyLoginSettled', 'desktop.onUpdateStatus'] as const;
