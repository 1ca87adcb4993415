import i18next, { type TFunction } from 'i18next';
import desktopEn from '../../../shared/i18n/desktop/en.json' with { type: 'json' };
import desktopZh from '../../../shared/i18n/desktop/zh-CN.json' with { type: 'json' };
import type { Settings } from '../../../shared/contract/settings';

/**
 * Words the main process shows itself (menu, tray, notifications, native dialog titles, the sign-in
 * finish page), in the user's language. They live in shared/i18n, the catalogue the renderer loads
 * too (under `desktop`), so both processes say the same thing and the key-equality test covers them.
 */
const translator = i18next.createInstance();
void translator.init({
  resources: { en: { translation: desktopEn }, 'zh-CN': { translation: desktopZh } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  initAsync: false,
  // Escaped where a string goes into HTML (the sign-in page), not here: menus and dialogs are plain text.
  interpolation: { escapeValue: false },
});

type Plain = Exclude<keyof typeof desktopEn, 'unread_one' | 'unread_other' | 'answeredBody' | 'signInPage'>;
export type DesktopStrings = Record<Plain, string> & {
  unread: (count: number) => string;
  answeredBody: (reference: string) => string;
  signInPage: (typeof desktopEn)['signInPage'];
};

const cache = new Map<string, DesktopStrings>();

function build(t: TFunction): DesktopStrings {
  const plain = Object.fromEntries(
    Object.keys(desktopEn)
      .filter((key) => typeof (desktopEn as Record<string, unknown>)[key] === 'string' && !key.startsWith('unread_') && key !== 'answeredBody')
      .map((key) => [key, t(key)]),
  ) as Record<Plain, string>;
  const signInPage = Object.fromEntries(Object.keys(desktopEn.signInPage).map((key) => [key, t(`signInPage.${key}`)])) as DesktopStrings['signInPage'];
  return { ...plain, signInPage, unread: (count) => t('unread', { count }), answeredBody: (reference) => t('answeredBody', { reference }) };
}

export const desktopStrings = (language: Settings['language']): DesktopStrings => {
  const lng = language === 'zh-CN' ? 'zh-CN' : 'en';
  let strings = cache.get(lng);
  if (!strings) cache.set(lng, (strings = build(translator.getFixedT(lng))));
  return strings;
};
