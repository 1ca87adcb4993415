import { FONT_SIZE, type Settings } from '../../../shared/contract/settings';

export const CURRENT_SCHEMA_VERSION = 7;

export const DEFAULT_SETTINGS: Settings = {
  apiUrl: null,
  language: 'en',
  theme: 'system',
  fontSize: FONT_SIZE.default,
  persistTokensWithoutKeyring: false,
  keepLocalDataWithoutKeyring: true,
  proxy: { mode: 'system' },
  notifications: true,
  docsStorageLimitMb: 5120,
  docsLoadRemoteContent: false,
  downloadFolder: null,
  trustedExternalSites: [],
};

type Raw = Record<string, unknown>;

/**
 * Each entry upgrades the stored object from version N-1 to N. Migrations never throw: a value
 * they do not recognise is dropped and the default applies, so an odd file cannot lock a user out.
 */
export const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  // Version 1 (pre-release builds): { apiBaseUrl, locale: 'en' | 'zh', theme: 'auto' | 'light' | 'dark' }.
  2: (old) => {
    const { apiBaseUrl, locale, theme, ...rest } = old;
    return {
      ...rest,
      apiUrl: typeof apiBaseUrl === 'string' && apiBaseUrl !== '' ? apiBaseUrl : null,
      language: locale === 'zh' ? 'zh-CN' : 'en',
      theme: theme === 'auto' ? 'system' : theme,
    };
  },
  // Version 3 (desktop integration): the OS proxy settings and notifications, as before the fields existed.
  3: (old) => ({ ...old, proxy: { mode: 'system' }, notifications: true }),
  // Version 4 (offline documentation): a storage limit for libraries; remote content in documents blocked (P3.3).
  4: (old) => ({ ...old, docsStorageLimitMb: 5120, docsLoadRemoteContent: false }),
  // Version 5 (software downloads): downloads go to the system's Downloads folder until the user picks another.
  5: (old) => ({ ...old, downloadFolder: null }),
  // Version 6 (privacy center): every external site asks first (P7.1) until the user says otherwise per site.
  6: (old) => ({ ...old, trustedExternalSites: [] }),
  // Version 7 (local database encrypted): without a keyring local data is kept, as it was, until the user says otherwise.
  7: (old) => ({ ...old, keepLocalDataWithoutKeyring: true }),
};

export function migrateSettings(stored: Raw, fromVersion: number): Raw {
  let value = stored;
  for (let version = fromVersion + 1; version <= CURRENT_SCHEMA_VERSION; version++) {
    value = MIGRATIONS[version]?.(value) ?? value;
  }
  return value;
}
