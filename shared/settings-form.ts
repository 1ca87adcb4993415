import { z } from 'zod';
import { SettingsSchema, type Settings, type SettingsPatch } from './contract';

/**
 * The Settings screen's form model, here in shared/ so it is unit-tested in Node. The form edits
 * text where the stored settings hold null or a tagged union: the API URL ("" means none saved: the
 * organisation's or the build's address, or the first-run screen), the download folder ("" means the system's Downloads folder) and the proxy (one set of inputs for every mode). Every field
 * of SettingsSchema appears in SETTINGS_FORM_FIELDS; a unit test keeps it that way, so a setting
 * added by a feature cannot be missing from the screen.
 */
export const SETTINGS_FORM_FIELDS = [
  'language',
  'theme',
  'fontSize',
  'apiUrl',
  'proxy',
  'notifications',
  'persistTokensWithoutKeyring',
  'keepLocalDataWithoutKeyring',
  'docsStorageLimitMb',
  'docsLoadRemoteContent',
  'downloadFolder',
  'trustedExternalSites',
] as const satisfies ReadonlyArray<
  keyof Settings
>;

const proxyShape = SettingsSchema.shape.proxy.options;
export const SettingsFormSchema = SettingsSchema.pick({
  language: true,
  theme: true,
  fontSize: true,
  notifications: true,
  persistTokensWithoutKeyring: true,
  keepLocalDataWithoutKeyring: true,
  docsStorageLimitMb: true,
  docsLoadRemoteContent: true,
  trustedExternalSites: true,
})
  .extend({
    apiUrl: z.union([z.literal(''), SettingsSchema.shape.apiUrl.unwrap()]),
    downloadFolder: z.union([z.literal(''), SettingsSchema.shape.downloadFolder.unwrap()]),
    proxyMode: z.enum(['system', 'pac', 'manual', 'none']),
    pacUrl: z.string(),
    proxyServer: z.string(),
    proxyBypass: z.string(),
  })
  .superRefine((form, ctx) => {
    // Only the inputs of the chosen mode are checked; the others keep what was typed.
    if (form.proxyMode === 'pac' && !proxyShape[2].shape.pacUrl.safeParse(form.pacUrl).success) ctx.addIssue({ code: 'custom', path: ['pacUrl'], message: 'pacUrl' });
    if (form.proxyMode === 'manual') {
      if (!proxyShape[3].shape.server.safeParse(form.proxyServer).success) ctx.addIssue({ code: 'custom', path: ['proxyServer'], message: 'server' });
      if (!proxyShape[3].shape.bypass.safeParse(form.proxyBypass).success) ctx.addIssue({ code: 'custom', path: ['proxyBypass'], message: 'bypass' });
    }
  });
export type SettingsFormInput = z.input<typeof SettingsFormSchema>;
export type SettingsFormOutput = z.output<typeof SettingsFormSchema>;

export function toFormValues(settings: Settings): SettingsFormInput {
  const { proxy, apiUrl, downloadFolder, ...rest } = settings;
  return {
    ...rest,
    apiUrl: apiUrl ?? '',
    downloadFolder: downloadFolder ?? '',
    proxyMode: proxy.mode,
    pacUrl: proxy.mode === 'pac' ? proxy.pacUrl : '',
    proxyServer: proxy.mode === 'manual' ? proxy.server : '',
    proxyBypass: proxy.mode === 'manual' ? proxy.bypass : '',
  };
}

function proxyFrom(form: SettingsFormOutput): Settings['proxy'] {
  switch (form.proxyMode) {
    case 'pac':
      return { mode: 'pac', pacUrl: form.pacUrl.trim() };
    case 'manual':
      return { mode: 'manual', server: form.proxyServer.trim(), bypass: form.proxyBypass.trim() };
    default:
      return { mode: form.proxyMode };
  }
}

/**
 * Only what changed, so saving the form never rewrites a setting another window just changed.
 * Settings the organisation manages (issue 14) are never sent: main refuses them.
 */
export function changedSettings(form: SettingsFormOutput, current: Settings, managed: ReadonlySet<string> = new Set()): SettingsPatch {
  const { proxyMode: _mode, pacUrl: _pac, proxyServer: _server, proxyBypass: _bypass, ...plain } = form;
  const next: Settings = {
    ...current,
    ...plain,
    apiUrl: form.apiUrl === '' ? null : form.apiUrl,
    downloadFolder: form.downloadFolder === '' ? null : form.downloadFolder,
    proxy: proxyFrom(form),
  };
  const patch: Record<string, unknown> = {};
  for (const key of SETTINGS_FORM_FIELDS) if (!managed.has(key) && JSON.stringify(next[key]) !== JSON.stringify(current[key])) patch[key] = next[key];
  return patch as SettingsPatch;
}
