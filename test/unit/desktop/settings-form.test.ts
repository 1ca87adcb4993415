import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../shared/contract/settings';
import { DEFAULT_SETTINGS } from '../../../main/services/settings/settings-migrations';
import { SETTINGS_FORM_FIELDS, SettingsFormSchema, changedSettings, toFormValues } from '../../../shared/settings-form';

const submit = (overrides: Record<string, unknown>) => SettingsFormSchema.safeParse({ ...toFormValues(DEFAULT_SETTINGS), ...overrides });

describe('Settings screen model', () => {
  it('shows every setting the schema has (a field added by a feature cannot be missing from the screen)', () => {
    expect([...SETTINGS_FORM_FIELDS].sort()).toEqual(Object.keys(SettingsSchema.shape).sort());
  });

  it('round-trips the stored settings without inventing changes', () => {
    const parsed = submit({});
    expect(parsed.success).toBe(true);
    expect(changedSettings(parsed.data!, DEFAULT_SETTINGS)).toEqual({});
  });

  it('sends only what changed, with the proxy as one value', () => {
    const parsed = submit({ proxyMode: 'manual', proxyServer: ' proxy.corp.example:3128 ', proxyBypass: '*.corp.example', notifications: false });
    expect(changedSettings(parsed.data!, DEFAULT_SETTINGS)).toEqual({
      proxy: { mode: 'manual', server: 'proxy.corp.example:3128', bypass: '*.corp.example' },
      notifications: false,
    });
  });

  it('checks only the inputs of the chosen proxy mode', () => {
    expect(submit({ proxyMode: 'pac', pacUrl: 'not a url' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['pacUrl']);
    expect(submit({ proxyMode: 'manual', proxyServer: 'no-port', proxyBypass: '' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['proxyServer']);
    expect(submit({ proxyMode: 'system', pacUrl: 'not a url', proxyServer: 'junk' }).success).toBe(true);
  });

  it('an empty API URL means the embedded demo API', () => {
    const settings = { ...DEFAULT_SETTINGS, apiUrl: 'https://support.example.com' };
    expect(toFormValues(settings).apiUrl).toBe('https://support.example.com');
    expect(changedSettings(submit({ apiUrl: '' }).data!, settings)).toEqual({ apiUrl: null });
  });
});
