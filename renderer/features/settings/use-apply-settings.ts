import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from './use-settings';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeToColorScheme(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Applies language, theme and font size to the document as soon as settings load or change. */
export function useApplySettings(): void {
  const { i18n } = useTranslation();
  const { data: settings } = useSettings();
  const systemDark = useSyncExternalStore(subscribeToColorScheme, () => darkQuery().matches);

  const language = settings?.language;
  useEffect(() => {
    if (!language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    // The CSS only knows light and dark; "system" is resolved here so it follows the OS live.
    document.documentElement.dataset.theme = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  }, [theme, systemDark]);

  const fontSize = settings?.fontSize;
  useEffect(() => {
    // Everything is sized in rem, so the root size scales the whole UI.
    if (fontSize) document.documentElement.style.fontSize = `${fontSize}px`;
  }, [fontSize]);
}
