import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../main/security/external-links';

describe('external link allow-list (P7.1: third-party links only by choice)', () => {
  it.each([
    'https://support.example.com/kb/123',
    'https://docs.support.example.com/guide?x=1#top',
    'https://www.example.com/',
    'mailto:privacy@example.com',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://support.example.com/', // not https
    'https://evil.example/',
    'https://support.example.com.evil.example/',
    'https://evilsupport.example.com/',
    'https://user:pw@support.example.com/',
    'https://support.example.com:8443/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:',
    'mailto:a@b.example?attach=/etc/passwd/../x',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
