export { formatBytes as formatSize, formatDateTime } from '../../i18n/format';

export const formatDate = (iso: string, language: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));


/** A text the service sends in both languages (the policy, its change summaries), in the UI language. */
export const summaryOf = (summary: { en: string; 'zh-CN': string }, language: string) => (language === 'zh-CN' ? summary['zh-CN'] : summary.en);
