import { CORE_EVENTS, CORE_METHODS } from './channel-names/core';
import { DESKTOP_EVENTS, DESKTOP_METHODS } from './channel-names/desktop';
import { DOCS_EVENTS, DOCS_METHODS } from './channel-names/docs';
import { PRIVACY_EVENTS, PRIVACY_METHODS } from './channel-names/privacy';
import { RECOVERY_EVENTS, RECOVERY_METHODS } from './channel-names/recovery';
import { LOGS_METHODS } from './channel-names/logs';
import { SERVICE_EVENTS, SERVICE_METHODS } from './channel-names/service';
import { SOFTWARE_EVENTS, SOFTWARE_METHODS } from './channel-names/software';
import { TICKETS_EVENTS, TICKETS_METHODS } from './channel-names/tickets';

/**
 * The bridge's names and nothing else. The preload imports only this (no zod), so it stays a few
 * hundred bytes; shared/contract attaches the schemas and a test keeps the lists equal. Each domain
 * keeps its names in shared/channel-names/<domain>.ts.
 */
export const INVOKE_CHANNEL = 'support:invoke';
export const EVENT_CHANNEL = 'support:event';

export const METHOD_NAMES = [
  ...CORE_METHODS,
  ...DOCS_METHODS,
  ...SOFTWARE_METHODS,
  ...TICKETS_METHODS,
  ...PRIVACY_METHODS,
  ...DESKTOP_METHODS,
  ...RECOVERY_METHODS,
  ...SERVICE_METHODS,
  ...LOGS_METHODS,
] as const;

export const EVENT_NAMES = [...CORE_EVENTS, ...DOCS_EVENTS, ...SOFTWARE_EVENTS, ...TICKETS_EVENTS, ...PRIVACY_EVENTS, ...DESKTOP_EVENTS, ...RECOVERY_EVENTS, ...SERVICE_EVENTS] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];
