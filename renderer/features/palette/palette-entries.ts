import type { TFunction } from 'i18next';
import type { PaletteEntry } from '../../../shared/palette-ranking';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import settingsEn from '../settings/i18n/en.json';
import settingsZh from '../settings/i18n/zh-CN.json';

const PAGES = ['docs', 'software', 'tickets', 'privacy', 'settings', 'profile'] as const;

/**
 * Settings are always searchable, in both languages at once: someone who switched the UI to
 * the wrong language can still find "Language" or "语言".
 */
const SETTINGS: ReadonlyArray<{ id: string; focus: string; label: (t: TFunction) => string; words: string[] }> = [
  { id: 'language', focus: 'settings-language', label: (t) => t('settings.language'), words: [en.settings.language, zhCN.settings.language] },
  { id: 'theme', focus: 'settings-theme', label: (t) => t('settings.theme'), words: [en.settings.theme, zhCN.settings.theme, 'dark', 'light'] },
  { id: 'fontSize', focus: 'settings-font-size', label: (t) => t('settings.fontSize'), words: [en.settings.fontSize, zhCN.settings.fontSize] },
  { id: 'apiUrl', focus: 'settings-api-url', label: (t) => t('settings.apiUrl'), words: [en.settings.apiUrl, 'server'] },
  { id: 'proxy', focus: 'settings-proxy', label: (t) => t('settings.proxy.label'), words: [settingsEn.proxy.label, settingsZh.proxy.label, 'PAC', 'network'] },
  { id: 'notifications', focus: 'settings-notifications', label: (t) => t('settings.notifications'), words: [settingsEn.notifications, settingsZh.notifications] },
  { id: 'docsStorage', focus: 'settings-docs-storage', label: (t) => t('settings.docsStorageLimit'), words: [settingsEn.docsStorageLimit, settingsZh.docsStorageLimit, 'disk'] },
  { id: 'docsRemote', focus: 'settings-docs-remote', label: (t) => t('settings.docsLoadRemoteContent'), words: [settingsEn.docsLoadRemoteContent, settingsZh.docsLoadRemoteContent, 'tracking'] },
  { id: 'downloadFolder', focus: 'settings-download-folder', label: (t) => t('settings.downloadFolder'), words: [settingsEn.downloadFolder, settingsZh.downloadFolder] },
  { id: 'trustedSites', focus: 'settings-trusted-sites', label: (t) => t('settings.trustedSites.label'), words: [settingsEn.trustedSites.label, settingsZh.trustedSites.label, 'links', 'P7.1'] },
  { id: 'keyring', focus: 'settings-keyring', label: (t) => t('settings.persistTokens'), words: ['keyring', 'token'] },
  { id: 'consents', focus: 'settings-consents-link', label: (t) => t('settings.consents'), words: [settingsEn.consents, settingsZh.consents, 'privacy'] },
  { id: 'diagnostics', focus: 'network-diagnostics', label: (t) => t('palette.entries.diagnostics'), words: ['proxy', 'TLS', 'certificate', '网络诊断'] },
  { id: 'updates', focus: 'updates', label: (t) => t('palette.entries.updates'), words: ['update', 'version', '更新'] },
];

export function staticPaletteEntries(t: TFunction): PaletteEntry[] {
  const pages: PaletteEntry[] = PAGES.map((page) => ({
    id: page,
    kind: 'page',
    title: t(`nav.${page}`),
    keywords: [en.nav[page], zhCN.nav[page]],
    path: `/${page}`,
  }));
  const settings: PaletteEntry[] = SETTINGS.map((setting) => ({
    id: setting.id,
    kind: 'setting',
    title: setting.label(t),
    subtitle: t('nav.settings'),
    keywords: setting.words,
    path: `/settings#${setting.focus}`,
  }));
  return [...pages, ...settings];
}
