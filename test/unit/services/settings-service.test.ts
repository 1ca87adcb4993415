import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS } from '../../../main/services/settings/settings-migrations';
import { SettingsService, type KeyValueStore } from '../../../main/services/settings/settings-service';

// conf is electron-store's base class: the same file format, without Electron.
const store = (): KeyValueStore => new Conf({ projectName: 'esd-test', cwd: mkdtempSync(join(tmpdir(), 'settings-')) });

describe('settings service (P3.1: preferences remembered across runs)', () => {
  it('starts with the defaults and the current schema version', () => {
    const kv = store();
    expect(new SettingsService(kv).get()).toEqual(DEFAULT_SETTINGS);
    expect(kv.get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('remembers a change for the next run', () => {
    const kv = store();
    new SettingsService(kv).update({ language: 'zh-CN', fontSize: 18, theme: 'dark' });
    expect(new SettingsService(kv).get()).toMatchObject({ language: 'zh-CN', fontSize: 18, theme: 'dark' });
  });

  it('refuses an invalid value and keeps the old one', () => {
    const kv = store();
    const service = new SettingsService(kv);
    expect(() => service.update({ fontSize: 99 })).toThrowError(expect.objectContaining({ code: 'validation' }));
    expect(new SettingsService(kv).get().fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });

  it('migrates a schema-1 file (pre-release builds) to the current schema', () => {
    const kv = store();
    kv.set('settings', { apiBaseUrl: 'https://support.example.com', locale: 'zh', theme: 'auto' });
    kv.set('schemaVersion', 1);
    expect(new SettingsService(kv).get()).toEqual({ ...DEFAULT_SETTINGS, apiUrl: 'https://support.example.com', language: 'zh-CN', theme: 'system' });
    expect(kv.get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('migrates a schema-1 file with no version key and an empty API URL', () => {
    const kv = store();
    kv.set('settings', { apiBaseUrl: '', locale: 'en', theme: 'dark' });
    expect(new SettingsService(kv).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('repairs a damaged file field by field instead of failing to start', () => {
    const kv = store();
    kv.set('settings', { apiUrl: 'https://support.example.com', language: 'klingon', fontSize: 'huge', theme: 'dark' });
    kv.set('schemaVersion', CURRENT_SCHEMA_VERSION);
    expect(new SettingsService(kv).get()).toEqual({ ...DEFAULT_SETTINGS, apiUrl: 'https://support.example.com', theme: 'dark' });
  });

  it('migrates a schema-3 file: documentation gets a 5 GB storage limit and remote content stays blocked (P3.3)', () => {
    const kv = store();
    kv.set('settings', { ...DEFAULT_SETTINGS, docsStorageLimitMb: undefined, docsLoadRemoteContent: undefined, theme: 'dark', fontSize: 20 });
    kv.set('schemaVersion', 3);
    expect(new SettingsService(kv).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 20, docsStorageLimitMb: 5120, docsLoadRemoteContent: false });
    expect(kv.get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('migrates a schema-4 file: software downloads go to the system Downloads folder until the user picks one', () => {
    const kv = store();
    kv.set('settings', { ...DEFAULT_SETTINGS, downloadFolder: undefined, theme: 'dark' });
    kv.set('schemaVersion', 4);
    expect(new SettingsService(kv).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', downloadFolder: null });
    expect(kv.get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('migrates a schema-5 file: every external site warns first (P7.1) until the user trusts it', () => {
    const kv = store();
    kv.set('settings', { ...DEFAULT_SETTINGS, trustedExternalSites: undefined, fontSize: 18 });
    kv.set('schemaVersion', 5);
    expect(new SettingsService(kv).get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 18, trustedExternalSites: [], keepLocalDataWithoutKeyring: true });
    expect(kv.get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('keeps trusted sites as lower-case host names and refuses anything else', () => {
    const service = new SettingsService(store());
    expect(service.update({ trustedExternalSites: ['Docs.Example.org'] }).trustedExternalSites).toEqual(['docs.example.org']);
    expect(() => service.update({ trustedExternalSites: ['https://evil.example/path'] })).toThrow();
    expect(service.get().trustedExternalSites).toEqual(['docs.example.org']);
  });

  it('accepts only a full download folder path without ".." and keeps the old one on bad input', () => {
    const service = new SettingsService(store());
    expect(service.update({ downloadFolder: 'D:\\Firmware' }).downloadFolder).toBe('D:\\Firmware');
    expect(() => service.update({ downloadFolder: 'relative/folder' })).toThrow();
    expect(() => service.update({ downloadFolder: '/home/me/../../etc' })).toThrow();
    expect(service.get().downloadFolder).toBe('D:\\Firmware');
  });

  it('announces changes', () => {
    const service = new SettingsService(store());
    const seen: string[] = [];
    service.onDidChange.on((s) => seen.push(s.theme));
    service.update({ theme: 'light' });
    expect(seen).toEqual(['light']);
  });
});
