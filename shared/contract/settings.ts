import { z } from 'zod';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const FONT_SIZE = { min: 12, max: 24, default: 15 } as const;

/** host:port with an optional scheme, as Chromium's proxy rules take it (a list separated by ; is allowed). */
const PROXY_RULES = /^(?:(?:https?|socks[45]?):\/\/)?[A-Za-z0-9.-]+:\d{1,5}(?:;(?:(?:https?|socks[45]?):\/\/)?[A-Za-z0-9.-]+:\d{1,5})*$/;

/** How API and download traffic reaches the network (applied to Electron's session). */
export const ProxySettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('system') }),
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('pac'), pacUrl: z.url({ protocol: /^(https?|file)$/, message: 'Enter the http(s) or file URL of a PAC script.' }).max(2048) }),
  z.object({
    mode: z.literal('manual'),
    server: z.string().trim().max(512).regex(PROXY_RULES, 'Enter the proxy as host:port, for example proxy.example.com:8080.'),
    /** Hosts that skip the proxy, separated by commas (Chromium's bypass rules). */
    bypass: z.string().trim().max(1024).regex(/^[A-Za-z0-9.*:,<>\s[\]/-]*$/, 'Use host names separated by commas.'),
  }),
]);
export type ProxySettings = z.infer<typeof ProxySettingsSchema>;
export const PROXY_MODES = ['system', 'pac', 'manual', 'none'] as const;

export const SettingsSchema = z.object({
  /** null: use the embedded reference API with demo data. */
  apiUrl: z.url({ protocol: /^https?$/, message: 'Enter an http(s) URL.' }).nullable(),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  /** On Linux without a keyring, tokens are kept in memory unless the user agrees to this. */
  persistTokensWithoutKeyring: z.boolean(),
  /**
   * On Linux without a keyring (and wherever the OS has no secret store), the key of the encrypted
   * local database is kept beside it, obfuscated only, unless the user turns this off: then drafts and
   * unsent requests last only while the app runs (P6.1). Read at start-up.
   */
  keepLocalDataWithoutKeyring: z.boolean(),
  proxy: ProxySettingsSchema,
  /** Desktop notifications, for example when an engineer answers a service request. */
  notifications: z.boolean(),
  /** The most disk space installed documentation libraries may take, in MB. */
  docsStorageLimitMb: z.number().int().min(100, 'At least 100 MB.').max(1_000_000),
  /** Load remote images and content in documents without asking, topic by topic (P3.3: off by default). */
  docsLoadRemoteContent: z.boolean(),
  /** Where downloaded software goes, as a full path; null: the system's Downloads folder. */
  downloadFolder: z
    .string()
    .trim()
    .max(4096)
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Enter a full folder path, such as /home/me/Downloads or D:\\Firmware.')
    .refine((folder) => !/(^|[\\/])\.\.([\\/]|$)/.test(folder), 'The path may not contain "..".')
    .nullable(),
  /** Sites the user chose not to be warned about again when a link leaves the app (P7.1), as host names. */
  trustedExternalSites: z
    .array(z.string().trim().toLowerCase().max(253).regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'Enter a host name such as docs.example.org.'))
    .max(200),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one setting.' });
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
