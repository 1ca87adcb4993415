import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../shared/contract/settings';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS, MIGRATIONS, migrateSettings } from '../../../main/services/settings/settings-migrations';
import { SettingsService, type KeyValueStore } from '../../../main/services/settings/settings-service';

const store = (): KeyValueStore => new Conf({ projectName: 'esd-desktop-test', cwd: mkdtempSync(join(tmpdir(), 'settings-')) });

/** A file as each earlier release wrote it, with a user's own choices in it. */
const EARLIER_FILES: Record<number, Record<string, unknown>> = {
  1: { apiBaseUrl: 'https://support.example.com', locale: 'zh', theme: 'dark' },
  2: { apiUrl: 'https://support.example.com', language: 'zh-CN', theme: 'dark', fontSize: 18, persistTokensWithoutKeyring: true },
};

describe('settings migrations (P3.1: preferences survive an upgrade)', () => {
  it('has one migration for every version after the first', () => {
    for (let version = 2; version <= CURRENT_SCHEMA_VERSION; version++) expect(MIGRATIONS[version], `migration ${version}`).toBeTypeOf('function');
  });

  it.each(Object.keys(EARLIER_FILES).map(Number))('a schema-%i file opens as valid current settings that keep the user choices', (version) => {
    const kv = store();
    kv.set('settings', EARLIER_FILES[version]);
    kv.set('schemaVersion', version);
    const settings = new SettingsService(kv).get();
    expect(SettingsSchema.safeParse(settings).success).toBe(true);
    expect(settings).toMatchObject({ apiUrl: 'https://support.example.com', language: 'zh-CN', theme: 'dark' });
    expect(kv.get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('every migration step from every earlier version yields settings the current schema accepts', () => {
    for (const [version, file] of Object.entries(EARLIER_FILES)) {
      const migrated = migrateSettings(file, Number(version));
      const merged = { ...DEFAULT_SETTINGS, ...migrated };
      expect(SettingsSchema.safeParse(merged).success, `from ${version}`).toBe(true);
    }
  });

  it('a user upgrading from schema 2 keeps using the system proxy and gets notifications', () => {
    expect(migrateSettings(EARLIER_FILES[2]!, 2)).toMatchObject({ proxy: { mode: 'system' }, notifications: true });
  });

  it('a damaged proxy setting falls back to the system proxy instead of blocking start-up', () => {
    const kv = store();
    kv.set('settings', { ...DEFAULT_SETTINGS, proxy: { mode: 'pac', pacUrl: 'javascript:alert(1)' }, theme: 'light' });
    kv.set('schemaVersion', CURRENT_SCHEMA_VERSION);
    expect(new SettingsService(kv).get()).toMatchObject({ proxy: { mode: 'system' }, theme: 'light' });
  });

  it('accepts each proxy mode and refuses malformed manual and PAC values', () => {
    const service = new SettingsService(store());
    expect(service.update({ proxy: { mode: 'manual', server: 'proxy.corp.example:8080', bypass: 'localhost, *.corp.example' } }).proxy.mode).toBe('manual');
    expect(service.update({ proxy: { mode: 'pac', pacUrl: 'http://wpad.corp.example/proxy.pac' } }).proxy.mode).toBe('pac');
    expect(service.update({ proxy: { mode: 'none' } }).proxy.mode).toBe('none');
    expect(() => service.update({ proxy: { mode: 'manual', server: 'proxy; rm -rf /', bypass: '' } })).toThrow();
    expect(() => service.update({ proxy: { mode: 'pac', pacUrl: 'ftp://x/proxy.pac' } })).toThrow();
    expect(service.get().proxy).toEqual({ mode: 'none' });
  });
});
