import { z } from 'zod';
import { ProfilePatchSchema, ProfileSchema } from '../api/profile';
import type { EventName, MethodName } from '../channels';
import { AppInfoSchema, NetworkStatusSchema, OpenExternalInputSchema } from './app';
import { SessionStateSchema, SignInStartedSchema } from './session';
import { SettingsPatchSchema, SettingsSchema } from './settings';
import { desktopEvents, desktopMethods } from './desktop-contract';
import { docsEvents, docsMethods } from './docs-contract';
import { privacyEvents, privacyMethods } from './privacy-contract';
import { recoveryEvents, recoveryMethods } from './recovery-contract';
import { logsMethods } from './logs-contract';
import { serviceEvents, serviceMethods } from './service-contract';
import { softwareEvents, softwareMethods } from './software-contract';
import { ticketsEvents, ticketsMethods } from './tickets-contract';

export * from './app';
export * from './session';
export * from './settings';

const none = z.undefined();

/** Every bridge method: input schema (checked in main) and output schema (the renderer's types). */
export const methods = {
  'app.info': { input: none, output: AppInfoSchema },
  'app.openExternal': { input: OpenExternalInputSchema, output: z.void() },
  'session.get': { input: none, output: SessionStateSchema },
  'session.signIn': { input: none, output: SignInStartedSchema },
  'session.cancelSignIn': { input: none, output: z.void() },
  'session.signOut': { input: none, output: z.void() },
  'profile.get': { input: none, output: ProfileSchema },
  'profile.update': { input: ProfilePatchSchema, output: ProfileSchema },
  'settings.get': { input: none, output: SettingsSchema },
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
  'network.status': { input: none, output: NetworkStatusSchema },
  'network.check': { input: none, output: NetworkStatusSchema },
  ...docsMethods,
  ...softwareMethods,
  ...ticketsMethods,
  ...privacyMethods,
  ...desktopMethods,
  ...recoveryMethods,
  ...serviceMethods,
  ...logsMethods,
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'session.onDidChange': SessionStateSchema,
  'settings.onDidChange': SettingsSchema,
  'network.onDidChangeStatus': NetworkStatusSchema,
  ...docsEvents,
  ...softwareEvents,
  ...ticketsEvents,
  ...privacyEvents,
  ...desktopEvents,
  ...recoveryEvents,
  ...serviceEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type Methods = typeof methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
