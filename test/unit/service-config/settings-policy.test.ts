import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { SettingsService, type KeyValueStore } from '../../../main/services/settings/settings-service';
import { changedSettings, toFormValues } from '../../../shared/settings-form';

const store = (): KeyValueStore => new Conf({ projectName: 'esd-test', cwd: mkdtempSync(join(tmpdir(), 'settings-policy-')) });

describe('issue 14: settings.update and the service address', () => {
  it('refuses http://evil.example with a typed insecure_url error and saves nothing (the next start would have exited)', () => {
    const kv = store();
    const settings = new SettingsService(kv);
    expect(() => settings.update({ apiUrl: 'http://evil.example' })).toThrowError(expect.objectContaining({ code: 'insecure_url', fields: { apiUrl: expect.stringMatching(/https/) } }));
    expect(new SettingsService(kv).get().apiUrl).toBeNull();
  });

  it('accepts https anywhere and http only on this computer, saved without a trailing slash', () => {
    const settings = new SettingsService(store());
    expect(settings.update({ apiUrl: 'https://support.example.com/api/' }).apiUrl).toBe('https://support.example.com/api');
    expect(settings.update({ apiUrl: 'http://127.0.0.1:8787' }).apiUrl).toBe('http://127.0.0.1:8787');
    expect(() => settings.update({ apiUrl: 'https://user:pw@support.example.com' })).toThrowError(expect.objectContaining({ code: 'insecure_url' }));
  });
});

describe('issue 14: settings the organisation sets or locks', () => {
  const policy = { apiUrl: 'https://support.corp.example', proxy: { mode: 'none' as const }, lockedSettings: ['notifications' as const] };

  it('shows what the policy sets over what the user saved, and refuses changes to managed settings with a typed error', () => {
    const kv = store();
    new SettingsService(kv).update({ apiUrl: 'https://mine.example', notifications: true });
    const settings = new SettingsService(kv, policy);
    expect(settings.get()).toMatchObject({ apiUrl: 'https://support.corp.example', proxy: { mode: 'none' }, notifications: true });
    expect(settings.saved().apiUrl).toBe('https://mine.example');
    for (const patch of [{ apiUrl: 'https://other.example' }, { notifications: false }, { proxy: { mode: 'system' as const } }]) {
      expect(() => settings.update(patch)).toThrowError(expect.objectContaining({ code: 'forbidden', message: expect.stringMatching(/Set by your organisation/) }));
    }
    expect(settings.update({ theme: 'dark' })).toMatchObject({ theme: 'dark', apiUrl: 'https://support.corp.example' });
  });

  it('the Settings form never sends a managed setting, even when its control shows another value', () => {
    const settings = new SettingsService(store(), policy);
    const current = settings.get();
    const form = { ...toFormValues(current), notifications: false, theme: 'dark' as const, proxyMode: 'system' as const };
    const patch = changedSettings(form as Parameters<typeof changedSettings>[0], current, new Set(['apiUrl', 'proxy', 'notifications']));
    expect(patch).toEqual({ theme: 'dark' });
    expect(() => settings.update(patch)).not.toThrow();
  });
});
