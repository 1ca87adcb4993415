import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isVendorPage, isVendorUrl } from '../../../shared/external-links';

const NEVER = [
  'http://support.example.com/', // not https
  'https://user:pw@support.example.com/',
  'https://support.example.com@evil.example/',
  'file:///etc/passwd',
  'smb://server/share',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ms-msdt:/id PCWDiagnostic',
  'vscode://file/etc/passwd',
  'mailto:',
  'mailto:a@b.example?attach=/etc/passwd',
  'not a url',
  '',
];

describe('links the user chose to follow (P7.1: after the third-party notice)', () => {
  it.each(['https://support.example.com/kb/123', 'https://partner.example.org/guide', 'https://docs.example.net:8443/x', 'mailto:privacy@example.com?subject=Question'])(
    'opens %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );
  it.each(NEVER)('never opens %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('links that open without a notice (navigation, window.open)', () => {
  it.each(['https://support.example.com/kb/123', 'https://docs.support.example.com/guide?x=1#top', 'https://www.example.com/', 'mailto:privacy@example.com'])(
    'opens the vendor page %s',
    (url) => expect(isVendorUrl(url)).toBe(true),
  );
  it.each([...NEVER, 'https://evil.example/', 'https://support.example.com.evil.example/', 'https://evilsupport.example.com/', 'https://support.example.com:8443/'])(
    'refuses %s',
    (url) => expect(isVendorUrl(url)).toBe(false),
  );
});

describe('links the reader opens without the third-party notice (the vendor\'s own pages)', () => {
  it.each(['https://support.example.com/kb/123', 'https://docs.support.example.com/guide?x=1#top', 'https://www.example.com/'])(
    'opens the vendor page %s',
    (url) => expect(isVendorPage(url)).toBe(true),
  );
  it.each([
    ...NEVER, 'mailto:privacy@example.com', 'https://partner.example.org/guide', 'https://support.example.com.evil.example/', 'https://evilsupport.example.com/',
    'https://support.example.com:8443/', 'https://user@support.example.com/', 'http://support.example.com/kb/1',
  ])('asks first for %s', (url) => expect(isVendorPage(url)).toBe(false));
});
