/**
 * Which links may leave the app for the system browser: https to the vendor's own hosts (and their
 * subdomains) and mailto. Everything else is refused, so a document or a compromised renderer
 * cannot launch arbitrary protocols (file:, smb:, custom URL handlers) on the user's machine.
 */
export const DEFAULT_EXTERNAL_HOSTS = ['support.example.com', 'www.example.com'];

export function isAllowedExternalUrl(raw: string, allowedHosts: readonly string[] = DEFAULT_EXTERNAL_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') {
    // Some mail clients honour ?attach=<path>: only a subject and a body may ride along.
    const onlySafeFields = [...url.searchParams.keys()].every((key) => key === 'subject' || key === 'body');
    return onlySafeFields && /^[^\s/\\@?]+@[^\s/\\@?]+$/.test(decodeURIComponent(url.pathname));
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
