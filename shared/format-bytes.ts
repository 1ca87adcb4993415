/**
 * The one way a size is written, in the app, its messages and its logs: binary multiples with their IEC
 * names (1 KiB = 1,024 bytes), because that is how sizes are counted everywhere in the app (storage
 * limit in MiB, upload caps, disk use). "KB" meant 1,024 in one place and 1,000 in another before.
 * The number uses the language's digits and decimal mark; the units are the same in every language.
 */
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

export function formatBytes(bytes: number, language = 'en', byteWord: (count: string) => string = (count) => `${count} B`): string {
  if (Math.abs(bytes) < 1024) return byteWord(new Intl.NumberFormat(language).format(bytes));
  let value = bytes / 1024;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)} ${UNITS[unit]}`;
}
