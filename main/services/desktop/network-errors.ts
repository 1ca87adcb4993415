import { NetworkProblemSchema } from '../../../shared/contract/desktop-contract';

/**
 * Network and TLS failures in plain words. Electron's session.fetch reports Chromium error names
 * (net::ERR_CERT_AUTHORITY_INVALID), Node's fetch reports OpenSSL codes in error.cause; both map to
 * one short list of problems the diagnostics panel explains in the user's language.
 */
// The list lives in the bridge contract, which the diagnostics panel also reads.
export const NETWORK_PROBLEMS = NetworkProblemSchema.options;
export type NetworkProblem = (typeof NETWORK_PROBLEMS)[number];

const PATTERNS: ReadonlyArray<[RegExp, NetworkProblem]> = [
  [/CERT_AUTHORITY_INVALID|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED|UNABLE_TO_VERIFY_LEAF|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED|ERR_CERT_INVALID/i, 'tls_untrusted'],
  [/CERT_DATE_INVALID|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID/i, 'tls_expired'],
  [/CERT_COMMON_NAME_INVALID|ALTNAME_INVALID|HOSTNAME_MISMATCH/i, 'tls_name_mismatch'],
  [/CERT_REVOKED/i, 'tls_revoked'],
  [/SSL_PROTOCOL|SSL_VERSION|WRONG_VERSION_NUMBER|EPROTO|SSL_HANDSHAKE|CIPHER/i, 'tls_protocol'],
  [/PROXY_AUTH|\b407\b/i, 'proxy_auth'],
  [/PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED|PROXY_/i, 'proxy_unreachable'],
  [/NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN|NAME_RESOLUTION/i, 'dns'],
  [/CONNECTION_REFUSED|ECONNREFUSED|CONNECTION_RESET|ECONNRESET|ADDRESS_UNREACHABLE|EHOSTUNREACH|ENETUNREACH/i, 'refused'],
  [/TIMED_OUT|ETIMEDOUT|TimeoutError|aborted due to timeout/i, 'timeout'],
];

/** Walks the error and its causes (fetch wraps the real reason in `cause`). */
function describeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object') {
      const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
      parts.push(String(code ?? ''), String(name ?? ''), String(message ?? ''));
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ');
}

export function classifyNetworkError(error: unknown): { problem: NetworkProblem; detail: string } {
  const text = describeChain(error);
  const match = PATTERNS.find(([pattern]) => pattern.test(text));
  return { problem: match?.[1] ?? 'unknown', detail: text.replace(/\s+/g, ' ').trim().slice(0, 300) };
}
