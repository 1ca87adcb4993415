import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinkPath, findDeepLinkInArgv, parseDeepLink } from '../../../main/services/desktop/deep-link';
import { DesktopService, isAppRoute } from '../../../main/services/desktop/desktop-service';

describe('deep links', () => {
  it.each([
    ['enterprise-support://tickets/T-1001', { kind: 'ticket', id: 'T-1001' }, '/tickets/T-1001'],
    ['enterprise-support://tickets/42/', { kind: 'ticket', id: '42' }, '/tickets/42'],
    ['enterprise-support://software/router-os_7', { kind: 'software', id: 'router-os_7' }, '/software?product=router-os_7'],
    ['enterprise-support://docs/netos-7.2/bgp-setup', { kind: 'doc', library: 'netos-7.2', topic: 'bgp-setup' }, '/docs/read/netos-7.2/bgp-setup'],
    ['ENTERPRISE-SUPPORT://Tickets/abc', { kind: 'ticket', id: 'abc' }, '/tickets/abc'],
  ])('opens %s on the right screen', (url, link, path) => {
    expect(parseDeepLink(url)).toEqual(link);
    expect(deepLinkPath(parseDeepLink(url)!)).toBe(path);
  });

  it.each([
    'enterprise-support://tickets/../../settings',
    'enterprise-support://docs/lib/..',
    'enterprise-support://docs/../etc',
    'enterprise-support://docs/lib/topic/extra',
    'enterprise-support://docs/lib',
    'enterprise-support://tickets/%2e%2e',
    'enterprise-support://tickets/1%00',
    'enterprise-support://tickets/1\\..\\x',
    'enterprise-support://tickets/1?redirect=https://evil.example',
    'enterprise-support://tickets/1#x',
    'enterprise-support://user:pass@tickets/1',
    'enterprise-support://tickets:80/1',
    'enterprise-support://tickets/ 1',
    'enterprise-support://tickets/１',
    'enterprise-support://tickets/',
    'enterprise-support://tickets/-rf',
    'enterprise-support://settings',
    'enterprise-support://privacy/delete-all',
    'enterprise-support:tickets/1',
    'https://tickets/1',
    'javascript:alert(1)//enterprise-support://tickets/1',
    `enterprise-support://tickets/${'a'.repeat(65)}`,
    `enterprise-support://docs/${'a'.repeat(600)}/b`,
    '',
  ])('refuses the hostile or malformed link %s', (url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, ['enterprise-support://tickets/1']]) expect(parseDeepLink(value)).toBeNull();
  });

  it('never produces a route outside the app, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `enterprise-support://${s}`), fc.webUrl()), (input) => {
        const link = parseDeepLink(input);
        if (link) expect(isAppRoute(deepLinkPath(link))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the link among command-line arguments (Windows and Linux second instance)', () => {
    expect(findDeepLinkInArgv(['/opt/app/esd', '--allow-file-access', 'enterprise-support://software/abc'])).toEqual({ kind: 'software', id: 'abc' });
    expect(findDeepLinkInArgv(['/opt/app/esd', 'enterprise-support://tickets/../x'])).toBeNull();
    expect(findDeepLinkInArgv(['/opt/app/esd'])).toBeNull();
  });
});

describe('navigation from the OS', () => {
  it('keeps a link that launched the app until the window asks for it, then sends later links at once', () => {
    const desktop = new DesktopService();
    const seen: string[] = [];
    desktop.onNavigate.on(({ path }) => seen.push(path));
    expect(desktop.openDeepLink('enterprise-support://tickets/T-1')).toBe(true);
    expect(seen).toEqual([]);
    expect(desktop.takePendingNavigation()).toEqual({ path: '/tickets/T-1' });
    expect(desktop.takePendingNavigation()).toBeNull();
    desktop.openDeepLink('enterprise-support://docs/lib/topic');
    expect(seen).toEqual(['/docs/read/lib/topic']);
  });

  it('ignores a refused link and routes that are not app screens', () => {
    const desktop = new DesktopService();
    desktop.takePendingNavigation();
    const seen: string[] = [];
    desktop.onNavigate.on(({ path }) => seen.push(path));
    expect(desktop.openDeepLink('enterprise-support://tickets/../../x')).toBe(false);
    expect(desktop.navigate('https://evil.example')).toBe(false);
    expect(desktop.navigate('/docs/../../etc')).toBe(false);
    expect(seen).toEqual([]);
  });
});
