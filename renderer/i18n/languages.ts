import type { Settings } from '../../shared/contract';

/** Each language's name in itself, so a reader of either language can find their own. */
export const LANGUAGE_NAMES: Record<Settings['language'], string> = {
  en: 'English',
  'zh-CN': '简体中文',
};
