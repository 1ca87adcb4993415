import { AppError } from '../../../shared/errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Tokens and personal data travel to the API, so it must be https; plain http is accepted only on
 * this machine (the embedded reference API, a developer's server). Returns the URL without a trailing slash.
 */
export function assertSafeApiUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('insecure_url', `"${raw}" is not a valid URL.`);
  }
  if (url.username || url.password) throw new AppError('insecure_url', 'The API URL must not contain a user name or password.');
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) {
    throw new AppError('insecure_url', `The API URL must use https (plain http is allowed only for this computer): ${url.origin}`);
  }
  return url.href.replace(/\/+$/, '');
}
