import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import docsEn from '../features/docs/i18n/en.json';
import docsZh from '../features/docs/i18n/zh-CN.json';
import networkEn from '../features/network/i18n/en.json';
import networkZh from '../features/network/i18n/zh-CN.json';
import paletteEn from '../features/palette/i18n/en.json';
import paletteZh from '../features/palette/i18n/zh-CN.json';
import privacyEn from '../features/privacy/i18n/en.json';
import privacyZh from '../features/privacy/i18n/zh-CN.json';
import recoveryEn from '../features/recovery/i18n/en.json';
import recoveryZh from '../features/recovery/i18n/zh-CN.json';
import logsEn from '../features/logs/i18n/en.json';
import logsZh from '../features/logs/i18n/zh-CN.json';
import serviceEn from '../features/service/i18n/en.json';
import serviceZh from '../features/service/i18n/zh-CN.json';
import settingsEn from '../features/settings/i18n/en.json';
import settingsZh from '../features/settings/i18n/zh-CN.json';
import softwareEn from '../features/software/i18n/en.json';
import softwareZh from '../features/software/i18n/zh-CN.json';
import ticketsEn from '../features/tickets/i18n/en.json';
import ticketsZh from '../features/tickets/i18n/zh-CN.json';
import desktopEn from '../../shared/i18n/desktop/en.json';
import desktopZh from '../../shared/i18n/desktop/zh-CN.json';
import en from './en.json';
import zhCN from './zh-CN.json';

// Each feature keeps its messages beside it, under its own key: t('docs.search.placeholder').
const resources = {
  en: {
    translation: {
      ...en,
      docs: docsEn,
      software: softwareEn,
      tickets: ticketsEn,
      privacy: privacyEn,
      recovery: recoveryEn,
      palette: paletteEn,
      service: serviceEn,
      logs: logsEn,
      // The main process's own words (menus, dialog titles): one catalogue for both processes.
      desktop: desktopEn,
      // The foundation's settings and network messages stay in ./en.json; the features add theirs.
      settings: { ...en.settings, ...settingsEn },
      network: { ...en.network, ...networkEn },
    },
  },
  'zh-CN': {
    translation: {
      ...zhCN,
      docs: docsZh,
      software: softwareZh,
      tickets: ticketsZh,
      privacy: privacyZh,
      recovery: recoveryZh,
      palette: paletteZh,
      service: serviceZh,
      logs: logsZh,
      desktop: desktopZh,
      settings: { ...zhCN.settings, ...settingsZh },
      network: { ...zhCN.network, ...networkZh },
    },
  },
};

// Resources are bundled (no HTTP backend): the app must work offline and under a strict CSP.
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  // React escapes already.
  interpolation: { escapeValue: false },
});

export default i18n;
