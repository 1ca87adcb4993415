/**
 * The bridge's names and nothing else. The preload imports only this file (no zod), so it stays a
 * few hundred bytes; shared/contract attaches the schemas and a test keeps the two lists equal.
 */
export const INVOKE_CHANNEL = 'support:invoke';
export const EVENT_CHANNEL = 'support:event';

export const METHOD_NAMES = [
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

export const EVENT_NAMES = ['session.onDidChange', 'settings.onDidChange', 'network.onDidChangeStatus'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];
