import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../main/services/desktop/network-errors';

const nodeFetchError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code.toLowerCase()), { code }) });

describe('network errors in plain words', () => {
  it.each([
    [new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'tls_untrusted'],
    [nodeFetchError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls_untrusted'],
    [nodeFetchError('SELF_SIGNED_CERT_IN_CHAIN'), 'tls_untrusted'],
    [nodeFetchError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 'tls_untrusted'],
    [new Error('net::ERR_CERT_DATE_INVALID'), 'tls_expired'],
    [nodeFetchError('CERT_HAS_EXPIRED'), 'tls_expired'],
    [new Error('net::ERR_CERT_COMMON_NAME_INVALID'), 'tls_name_mismatch'],
    [nodeFetchError('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls_name_mismatch'],
    [new Error('net::ERR_CERT_REVOKED'), 'tls_revoked'],
    [new Error('net::ERR_SSL_PROTOCOL_ERROR'), 'tls_protocol'],
    [new Error('net::ERR_PROXY_CONNECTION_FAILED'), 'proxy_unreachable'],
    [new Error('net::ERR_TUNNEL_CONNECTION_FAILED'), 'proxy_unreachable'],
    [new Error('net::ERR_NAME_NOT_RESOLVED'), 'dns'],
    [nodeFetchError('ENOTFOUND'), 'dns'],
    [nodeFetchError('ECONNREFUSED'), 'refused'],
    [Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }), 'timeout'],
    ['something odd', 'unknown'],
  ])('%s is explained as %s', (error, problem) => {
    expect(classifyNetworkError(error).problem).toBe(problem);
  });
});
