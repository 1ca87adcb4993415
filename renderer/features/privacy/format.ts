export { formatBytes as formatSize, formatDate, formatDateTime } from '../../i18n/format';


/** A text the service sends in both languages (the policy, its change summaries), in the UI language. */
export const summaryOf = (summary: { en: string; 'zh-CN': string }, language: string) => (language === 'zh-CN' ? summary['zh-CN'] : summary.en);
