import { z } from 'zod';
import { ProxySettingsSchema, type ProxySettings, type Settings } from '../../../shared/contract/settings';
import { SettingNameSchema } from '../../../shared/contract/service-contract';
import { assertSafeApiUrl } from '../api/api-url-policy';

/**
 * Enterprise policy (issue 14). The same key names on every OS, as Chromium's and VS Code's policies:
 * a Windows registry value, a macOS managed-preferences key and a Linux policy.json member are all
 * called `ApiUrl`. README "Configuration" lists them with an example per OS.
 */
export const POLICY_KEYS = ['ApiUrl', 'ProxyMode', 'ProxyPacUrl', 'ProxyServer', 'ProxyBypassList', 'UpdateChannel', 'TelemetryEnabled', 'LockedSettings'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const UPDATE_CHANNELS = ['latest', 'beta', 'off'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];
export type SettingName = keyof Settings;

export interface Policy {
  apiUrl?: string;
  proxy?: ProxySettings;
  updateChannel?: UpdateChannel;
  /** false: no usage statistics, whatever the user consented to. */
  telemetry?: boolean;
  /** Settings the user may not change (besides those the policy sets, which are locked too). */
  lockedSettings: SettingName[];
}

/** A value the policy holds that the app cannot use: logged, and the key is ignored. */
export interface PolicyProblem {
  key: string;
  reason: string;
}

export const NO_POLICY: Policy = { lockedSettings: [] };

/** Registry DWORDs arrive as numbers, plist and JSON as booleans; "1"/"true" strings are accepted too. */
const Flag = z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true), z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')]);
/** REG_MULTI_SZ and JSON give arrays; a REG_SZ may list names separated by commas. */
const NameList = z.union([z.array(z.string()), z.string().transform((v) => v.split(/[,;\n]/))]).transform((names) => names.map((n) => n.trim()).filter(Boolean));

/** Raw policy values (whatever the OS store held) into a Policy; bad values are dropped with a reason. */
export function parsePolicy(raw: Record<string, unknown>): { policy: Policy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const policy: Policy = { lockedSettings: [] };
  for (const key of Object.keys(raw)) if (!(POLICY_KEYS as readonly string[]).includes(key)) problems.push({ key, reason: 'not a policy this app knows' });

  if (raw.ApiUrl !== undefined) {
    try {
      if (typeof raw.ApiUrl !== 'string') throw new Error('not text');
      policy.apiUrl = assertSafeApiUrl(raw.ApiUrl);
    } catch (error) {
      problems.push({ key: 'ApiUrl', reason: error instanceof Error ? error.message : 'not a URL' });
    }
  }
  if (raw.ProxyMode !== undefined) {
    const proxy = ProxySettingsSchema.safeParse({ mode: raw.ProxyMode, pacUrl: raw.ProxyPacUrl, server: raw.ProxyServer, bypass: raw.ProxyBypassList ?? '' });
    if (proxy.success) policy.proxy = proxy.data;
    else problems.push({ key: 'ProxyMode', reason: proxy.error.issues.map((issue) => issue.message).join('; ') });
  }
  if (raw.UpdateChannel !== undefined) {
    const channel = z.enum(UPDATE_CHANNELS).safeParse(raw.UpdateChannel);
    if (channel.success) policy.updateChannel = channel.data;
    else problems.push({ key: 'UpdateChannel', reason: `one of ${UPDATE_CHANNELS.join(', ')}` });
  }
  if (raw.TelemetryEnabled !== undefined) {
    const flag = Flag.safeParse(raw.TelemetryEnabled);
    if (flag.success) policy.telemetry = flag.data;
    else problems.push({ key: 'TelemetryEnabled', reason: 'true/false (1/0)' });
  }
  if (raw.LockedSettings !== undefined) {
    const names = NameList.safeParse(raw.LockedSettings);
    for (const name of names.success ? names.data : []) {
      const setting = SettingNameSchema.safeParse(name);
      if (setting.success) policy.lockedSettings.push(setting.data as SettingName);
      else problems.push({ key: 'LockedSettings', reason: `no setting called "${name}"` });
    }
    if (!names.success) problems.push({ key: 'LockedSettings', reason: 'a list of setting names' });
  }
  return { policy, problems };
}

/** Every setting the user cannot change: those the policy sets and those it locks. */
export function managedSettings(policy: Policy): SettingName[] {
  const managed = new Set<SettingName>(policy.lockedSettings);
  if (policy.apiUrl) managed.add('apiUrl');
  if (policy.proxy) managed.add('proxy');
  return [...managed];
}

/** The settings in effect: what the policy sets wins over what the user saved. */
export function applyPolicy(settings: Settings, policy: Policy): Settings {
  return { ...settings, ...(policy.apiUrl ? { apiUrl: policy.apiUrl } : {}), ...(policy.proxy ? { proxy: policy.proxy } : {}) };
}
