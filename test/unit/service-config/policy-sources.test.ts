import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { managedSettings, parsePolicy } from '../../../main/services/policy/policy';
import { parseRegQuery, POLICY_LOCATIONS, readPolicy, type RunCommand } from '../../../main/services/policy/policy-sources';

const tempRoot = () => mkdtempSync(join(tmpdir(), 'esd-policy-'));

// What `reg query` prints on Windows 11 for a key with a string, a DWORD and a multi-string value.
const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\ExampleSupport\\EnterpriseSupportDesktop',
  '    ApiUrl    REG_SZ    https://support.corp.example/api',
  '    TelemetryEnabled    REG_DWORD    0x0',
  '    UpdateChannel    REG_SZ    beta',
  '    LockedSettings    REG_MULTI_SZ    proxy\\0downloadFolder',
  '',
].join('\r\n');

describe('issue 14: enterprise policy, read where each OS keeps it', () => {
  it('Linux: /etc/enterprise-support-desktop/policy.json under an injected root', async () => {
    const root = tempRoot();
    mkdirSync(join(root, 'etc', 'enterprise-support-desktop'), { recursive: true });
    writeFileSync(join(root, POLICY_LOCATIONS.linuxFile), JSON.stringify({ ApiUrl: 'https://support.corp.example/api/', ProxyMode: 'manual', ProxyServer: 'proxy.corp.example:8080', LockedSettings: ['notifications'] }));
    const read = await readPolicy({ platform: 'linux', root });
    expect(read.origin).toBe(join(root, POLICY_LOCATIONS.linuxFile));
    expect(read.policy).toEqual({ apiUrl: 'https://support.corp.example/api', proxy: { mode: 'manual', server: 'proxy.corp.example:8080', bypass: '' }, lockedSettings: ['notifications'] });
    expect(managedSettings(read.policy).sort()).toEqual(['apiUrl', 'notifications', 'proxy']);
  });

  it('Linux: no file means no policy; a damaged file is a reported problem, never a failed start', async () => {
    const root = tempRoot();
    expect(await readPolicy({ platform: 'linux', root })).toEqual({ policy: { lockedSettings: [] }, problems: [], origin: null });
    mkdirSync(join(root, 'etc', 'enterprise-support-desktop'), { recursive: true });
    writeFileSync(join(root, POLICY_LOCATIONS.linuxFile), '{"ApiUrl": "https://sup');
    const damaged = await readPolicy({ platform: 'linux', root });
    expect(damaged.policy).toEqual({ lockedSettings: [] });
    expect(damaged.problems[0]!.reason).toMatch(/could not be read/);
  });

  it('Windows: HKLM\\Software\\Policies through `reg query` (a stand-in for reg.exe, which this machine lacks)', async () => {
    const calls: string[][] = [];
    const run: RunCommand = async (command, args) => (calls.push([command, ...args]), REG_OUTPUT);
    const read = await readPolicy({ platform: 'win32', run });
    expect(calls).toEqual([['reg', 'query', 'HKLM\\Software\\Policies\\ExampleSupport\\EnterpriseSupportDesktop']]);
    expect(read.policy).toEqual({ apiUrl: 'https://support.corp.example/api', telemetry: false, updateChannel: 'beta', lockedSettings: ['proxy', 'downloadFolder'] });
    expect(parseRegQuery(REG_OUTPUT).TelemetryEnabled).toBe(0);
  });

  it('Windows: a missing key (reg exits with 1) is no policy', async () => {
    const run: RunCommand = () => Promise.reject(Object.assign(new Error('ERROR: The system was unable to find the specified registry key or value.'), { code: 1 }));
    expect(await readPolicy({ platform: 'win32', run })).toMatchObject({ policy: { lockedSettings: [] }, problems: [], origin: null });
  });

  it("macOS: the user's managed preferences before the computer's, converted by plutil (a stand-in here)", async () => {
    const root = tempRoot();
    const folder = join(root, 'Library', 'Managed Preferences');
    mkdirSync(join(folder, 'ana'), { recursive: true });
    writeFileSync(join(folder, `${POLICY_LOCATIONS.macBundleId}.plist`), 'computer');
    writeFileSync(join(folder, 'ana', `${POLICY_LOCATIONS.macBundleId}.plist`), 'user');
    const seen: string[] = [];
    const run: RunCommand = async (command, args) => {
      seen.push(`${command} ${args.slice(0, 4).join(' ')}`);
      return JSON.stringify({ UpdateChannel: 'off', TelemetryEnabled: true });
    };
    const read = await readPolicy({ platform: 'darwin', root, run, user: 'ana' });
    expect(seen).toEqual(['/usr/bin/plutil -convert json -o -']);
    expect(read.origin).toBe(join(folder, 'ana', `${POLICY_LOCATIONS.macBundleId}.plist`));
    expect(read.policy).toEqual({ updateChannel: 'off', telemetry: true, lockedSettings: [] });
  });

  it('drops values it cannot use, says why, and keeps the rest', () => {
    const { policy, problems } = parsePolicy({ ApiUrl: 'http://evil.example', UpdateChannel: 'nightly', LockedSettings: 'theme, colour', Surprise: 1, TelemetryEnabled: '0' });
    expect(policy).toEqual({ telemetry: false, lockedSettings: ['theme'] });
    expect(problems.map((p) => p.key).sort()).toEqual(['ApiUrl', 'LockedSettings', 'Surprise', 'UpdateChannel']);
    expect(problems.find((p) => p.key === 'ApiUrl')!.reason).toMatch(/https/);
  });
});
