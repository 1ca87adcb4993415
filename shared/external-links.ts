/**
 * Which links may leave the app for the system browser.
 *
 * - The bridge's app.openExternal (called by the renderer after the third-party notice of P7.1) may
 *   open any https page and mailto without attachments: the user chose to follow the link.
 * - Navigation and window.open, which no notice precedes, may open only the vendor's own https hosts.
 * - The reader opens a link to the vendor's own https pages without the third-party notice: it is
 *   not a third party's page (the same check, shared so main and the renderer cannot disagree).
 *
 * Everything else is refused: no http, file:, smb:, javascript: or custom protocol handlers that a
 * document or a compromised renderer could use to launch programs on the user's machine, and no
 * user:password@ URLs that disguise their real host.
 */
export const DEFAULT_VENDOR_HOSTS = ['support.example.com', 'www.example.com'];

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function isSafeMailto(url: URL): boolean {
  // Some mail clients honour ?attach=<path>: only a subject and a body may ride along.
  const onlySafeFields = [...url.searchParams.keys()].every((key) => key === 'subject' || key === 'body');
  return url.protocol === 'mailto:' && onlySafeFields && /^[^\s/\\@?]+@[^\s/\\@?]+$/.test(decodeURIComponent(url.pathname));
}

const isPlainHttps = (url: URL) => url.protocol === 'https:' && !url.username && !url.password;

/** A link the user chose to follow after the third-party notice. */
export function isAllowedExternalUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && (isSafeMailto(url) || isPlainHttps(url));
}

/** The vendor's own pages (and mailto), which open without a notice. */
export function isVendorUrl(raw: string, vendorHosts: readonly string[] = DEFAULT_VENDOR_HOSTS): boolean {
  const url = parse(raw);
  return url !== null && (isSafeMailto(url) || isVendorHttps(url, vendorHosts));
}

/** The vendor's own https pages only: what the reader opens without the third-party notice (an e-mail address may be anyone's). */
export function isVendorPage(raw: string, vendorHosts: readonly string[] = DEFAULT_VENDOR_HOSTS): boolean {
  const url = parse(raw);
  return url !== null && isVendorHttps(url, vendorHosts);
}

function isVendorHttps(url: URL, vendorHosts: readonly string[]): boolean {
  if (!isPlainHttps(url) || url.port) return false;
  const host = url.hostname.toLowerCase();
  return vendorHosts.some((vendor) => host === vendor || host.endsWith(`.${vendor}`));
}
