import { BlockList, isIP } from 'node:net';

/**
 * Whether a host skips the proxy, for the two lists the app reads:
 * - `NO_PROXY` (the "system" mode outside Electron), with curl's and Go's meaning: `*` is every
 *   host, `corp.example` and `.corp.example` cover that domain and its subdomains, `10.0.0.0/8`
 *   and `fd00::/8` cover an address range, `host:port` only that port;
 * - Chromium's bypass rules (manual mode, the string handed to session.setProxy): `<local>` is
 *   plain host names and loopback, `*.corp.example` and `.corp.example` cover subdomains, a bare
 *   name only itself, and address ranges as above.
 * proxy-from-env covers neither subdomains of a bare name nor ranges, hence this small matcher over
 * Node's own BlockList.
 */
export type BypassStyle = 'no_proxy' | 'chromium';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
}

function inRange(host: string, rule: string): boolean {
  const [address, bits] = rule.split('/');
  const family = isIP(address ?? '');
  const hostFamily = isIP(host);
  if (!family || family !== hostFamily || !/^\d{1,3}$/.test(bits ?? '')) return false;
  const range = new BlockList();
  try {
    range.addSubnet(address!, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  } catch {
    return false; // a prefix longer than the address: the rule is malformed, it covers nothing
  }
  return range.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** Splits "host:port" (and "[v6]:port"); a bare IPv6 address has no port. */
function splitPort(rule: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rule);
  if (bracketed) return [bracketed[1]!, bracketed[2]];
  if (isIP(rule) === 6) return [rule, undefined];
  const withPort = /^(.*):(\d+)$/.exec(rule);
  return withPort ? [withPort[1]!, withPort[2]] : [rule, undefined];
}

function ruleCovers(url: URL, host: string, rawRule: string, style: BypassStyle): boolean {
  const rule = rawRule.trim().toLowerCase();
  if (!rule) return false;
  if (rule === '*') return true;
  if (rule === '<local>') return style === 'chromium' && ((!host.includes('.') && !isIP(host)) || LOOPBACK.has(host));
  if (rule.includes('/')) return inRange(host, rule);
  const [ruleHost, rulePort] = splitPort(rule.replace(/^\w+:\/\//, ''));
  if (rulePort && rulePort !== (url.port || defaultPort(url.protocol))) return false;
  if (ruleHost.startsWith('*.')) return host.endsWith(ruleHost.slice(1));
  if (ruleHost.startsWith('.')) return host.endsWith(ruleHost) || (style === 'no_proxy' && host === ruleHost.slice(1));
  if (host === ruleHost) return true;
  return style === 'no_proxy' && !isIP(host) && host.endsWith(`.${ruleHost}`);
}

export function bypassesProxy(target: URL, rules: string, style: BypassStyle): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return rules.split(/[\s,;]+/).some((rule) => ruleCovers(target, host, rule, style));
}
