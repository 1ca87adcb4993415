import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import docsEn from '../features/docs/i18n/en.json';
import docsZh from '../features/docs/i18n/zh-CN.json';
import privacyEn from '../features/privacy/i18n/en.json';
import privacyZh from '../features/privacy/i18n/zh-CN.json';
import softwareEn from '../features/software/i18n/en.json';
import softwareZh from '../features/software/i18n/zh-CN.json';
import ticketsEn from '../features/tickets/i18n/en.json';
import ticketsZh from '../features/tickets/i18n/zh-CN.json';
import en from './en.json';
import zhCN from './zh-CN.json';

// Each feature keeps its messages beside it, under its own key: t('docs.search.placeholder').
const resources = {
  en: { translation: { ...en, docs: docsEn, software: softwareEn, tickets: ticketsEn, privacy: privacyEn } },
  'zh-CN': { translation: { ...zhCN, docs: docsZh, software: softwareZh, tickets: ticketsZh, privacy: privacyZh } },
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
