import { z } from 'zod';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const FONT_SIZE = { min: 12, max: 24, default: 15 } as const;

export const SettingsSchema = z.object({
  /** null: use the embedded reference API with demo data. */
  apiUrl: z.url({ protocol: /^https?$/, message: 'Enter an http(s) URL.' }).nullable(),
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  fontSize: z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max),
  /** On Linux without a keyring, tokens are kept in memory unless the user agrees to this. */
  persistTokensWithoutKeyring: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one setting.' });
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
