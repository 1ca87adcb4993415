import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { jsonrepair } from 'jsonrepair';
import { SettingsSchema } from '../../../shared/contract/settings';
import type { RecoveryItem } from '../../../shared/contract/recovery-contract';
import type { Policy } from '../policy/policy';
import { setAside } from '../recovery/set-aside';
import { CURRENT_SCHEMA_VERSION } from './settings-migrations';
import { SettingsService, type KeyValueStore } from './settings-service';

type SettingsDamage = Extract<RecoveryItem, { kind: 'settings' }>;

/**
 * Opens the settings store (electron-store in the app, conf elsewhere: both read and parse the file
 * in their constructor and throw on a file that is not JSON). A power cut leaves a zero-length or
 * truncated file; instead of refusing to start, the damaged file is kept as
 * `settings.json.broken-<time>`, whatever jsonrepair can still read from it is carried over (the
 * settings service then keeps each valid field and defaults the rest), and the damage is returned
 * for the recovery notice.
 */
export function openSettingsStore<S extends KeyValueStore>(file: string, create: () => S, now = new Date()): { store: S; damage: SettingsDamage | null } {
  try {
    return { store: create(), damage: null };
  } catch (error) {
    if (!existsSync(file)) throw error; // not a damaged file (permissions, a missing folder): nothing to recover from
    const salvaged = salvage(readFileSync(file, 'utf8'));
    const [moved] = setAside(file, now);
    const store = create();
    const keptSettings = Object.entries(salvaged.settings).filter(([key, value]) => key in SettingsSchema.shape && SettingsSchema.shape[key as keyof typeof SettingsSchema.shape].safeParse(value).success).length;
    try {
      if (keptSettings) {
        store.set('settings', salvaged.settings);
        // The version is written last, so a cut-short file has lost it: its settings are the current schema's.
        store.set('schemaVersion', typeof salvaged.schemaVersion === 'number' ? salvaged.schemaVersion : CURRENT_SCHEMA_VERSION);
      }
    } catch {
      // A full disk: this run starts with the defaults; the damaged file is still kept aside.
    }
    return { store, damage: { kind: 'settings', at: now.toISOString(), setAside: basename(moved!), keptSettings } };
  }
}

/**
 * The start-up step both entry points share: the settings file in the data folder (electron-store's
 * `settings.json` in the app's userData, conf's in the preview), opened through the recovery above.
 */
export function openSettings(dataDir: string, createStore: () => KeyValueStore, policy?: Policy): { settings: SettingsService; store: KeyValueStore; recoveryNotices: SettingsDamage[] } {
  const opened = openSettingsStore(join(dataDir, 'settings.json'), createStore);
  return { settings: new SettingsService(opened.store, policy), store: opened.store, recoveryNotices: opened.damage ? [opened.damage] : [] };
}

/** The settings object and schema version from a damaged file, as far as it can be read. */
function salvage(text: string): { settings: Record<string, unknown>; schemaVersion?: unknown } {
  try {
    const value: unknown = JSON.parse(jsonrepair(text));
    if (typeof value !== 'object' || value === null) return { settings: {} };
    const { settings, schemaVersion } = value as { settings?: unknown; schemaVersion?: unknown };
    return { settings: typeof settings === 'object' && settings !== null && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {}, schemaVersion };
  } catch {
    return { settings: {} }; // nothing readable: defaults
  }
}
