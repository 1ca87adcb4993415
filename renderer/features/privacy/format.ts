import { formatNumber } from '../../i18n/format';

export { formatDateTime } from '../../i18n/format';

export const formatDate = (iso: string, language: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));

/** A size in the largest unit that keeps the number above 1 ("3.4 MB"). */
export function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, language, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** A text the service sends in both languages (the policy, its change summaries), in the UI language. */
export const summaryOf = (summary: { en: string; 'zh-CN': string }, language: string) => (language === 'zh-CN' ? summary['zh-CN'] : summary.en);
