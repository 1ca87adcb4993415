import { isIP } from 'node:net';
import { Script, createContext } from 'node:vm';

/**
 * Evaluates a PAC script in plain Node, for the browser preview and the tests (in the app,
 * Chromium evaluates PAC itself). PAC files come from the company's administrators, not from
 * strangers, but the script still runs in a fresh context with no Node globals and a time limit.
 * DNS helpers answer only for IP literals: the preview never resolves names for a PAC script.
 */
const HELPERS = `
function isPlainHostName(host) { return host.indexOf('.') === -1; }
function dnsDomainIs(host, domain) { return host.length >= domain.length && host.substring(host.length - domain.length) === domain; }
function localHostOrDomainIs(host, hostdom) { return host === hostdom || hostdom.lastIndexOf(host + '.', 0) === 0; }
function dnsDomainLevels(host) { return host.split('.').length - 1; }
function shExpMatch(str, shexp) {
  var re = new RegExp('^' + shexp.replace(/[.+^$(){}|[\\]\\\\]/g, '\\\\$&').replace(/\\*/g, '.*').replace(/\\?/g, '.') + '$');
  return re.test(str);
}
function isResolvable(host) { return __isIp(host); }
function dnsResolve(host) { return __isIp(host) ? host : null; }
function myIpAddress() { return '127.0.0.1'; }
function isInNet(host, pattern, mask) {
  if (!__isIp(host)) return false;
  var h = host.split('.'), p = pattern.split('.'), m = mask.split('.');
  for (var i = 0; i < 4; i++) if ((h[i] & m[i]) !== (p[i] & m[i])) return false;
  return true;
}
function weekdayRange() { return true; }
function dateRange() { return true; }
function timeRange() { return true; }
`;

export function evaluatePac(script: string, url: string, timeoutMs = 1000): string {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const context = createContext({ __isIp: (value: unknown) => typeof value === 'string' && isIP(value) !== 0 });
  new Script(`${HELPERS}\n${script}`).runInContext(context, { timeout: timeoutMs });
  const answer: unknown = new Script('FindProxyForURL(__url, __host)').runInContext(Object.assign(context, { __url: url, __host: host }), {
    timeout: timeoutMs,
  });
  if (typeof answer !== 'string') throw new Error('The PAC script did not return a proxy list.');
  return answer;
}
