/** Bridge names of the foundation: app, session, profile, settings, network. */
export const CORE_METHODS = [
  'app.info',
  'app.openExternal',
  'session.get',
  'session.signIn',
  'session.cancelSignIn',
  'session.signOut',
  'profile.get',
  'profile.update',
  'settings.get',
  'settings.update',
  'network.status',
  'network.check',
] as const;

export const CORE_EVENTS = ['session.onDidChange', 'settings.onDidChange', 'network.onDidChangeStatus'] as const;
