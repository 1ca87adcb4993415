/** Sizes on the documentation screens are written as everywhere else in the app ("12.3 MiB"). */
export { formatBytes as formatBytesText } from '../../i18n/format';
