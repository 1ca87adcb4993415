/** The languages the product speaks; the first is the fallback. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps one language tag to a supported locale: any Chinese tag (zh, zh-Hans, zh-CN, zh-SG) is zh-CN, any English one en. */
function supported(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return lower.startsWith('zh-hant') || lower === 'zh-tw' || lower === 'zh-hk' ? undefined : 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The locale to answer in: the app's explicit choice first (OpenID Connect's `ui_locales`, space-separated,
 * in order of preference), then the browser's Accept-Language by its q-values (RFC 9110 12.5.4), then English.
 */
export function negotiateLocale(uiLocales?: unknown, acceptLanguage?: unknown): Locale {
  if (typeof uiLocales === 'string') {
    for (const tag of uiLocales.slice(0, 200).split(' ')) {
      const found = supported(tag);
      if (found) return found;
    }
  }
  if (typeof acceptLanguage === 'string') {
    const ranked = acceptLanguage
      .slice(0, 500)
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.split(';');
        const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
        return { tag, q: q === undefined ? 1 : Number(q), index };
      })
      .filter((entry) => entry.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    for (const { tag } of ranked) {
      const found = supported(tag);
      if (found) return found;
    }
  }
  return 'en';
}
