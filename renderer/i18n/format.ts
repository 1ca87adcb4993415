import { formatBytes as formatSharedBytes } from '../../shared/format-bytes';

/** Dates follow the UI language, not the OS locale, so a screen never mixes two languages. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar day in the UI language ("Mar 1, 2026", "2026年3月1日"); a plain YYYY-MM-DD is that day, not UTC midnight moved by the time zone. */
export function formatDate(iso: string, language: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(day ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** Numbers with the UI language's digit grouping and decimal mark. */
export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A ratio from 0 to 1 as a percentage ("42%", "42%"). */
export function formatPercent(ratio: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A short duration in milliseconds or seconds, in the UI language ("120 ms", "1.5秒"). */
export function formatDurationMs(ms: number, language: string): string {
  if (ms < 1000) return new Intl.NumberFormat(language, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(ms);
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
}

/** A size in the app's one convention ("3.4 MiB", see shared/format-bytes.ts), with the UI language's digits. */
export const formatBytes = (bytes: number, language: string): string => formatSharedBytes(bytes, language);
