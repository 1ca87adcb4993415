import { SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { Emitter } from '../emitter';
import { storageErrorFor } from '../local-db/sqlite-errors';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS, migrateSettings } from './settings-migrations';

/** The part of electron-store (and of conf, its base, used outside Electron) this service needs. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const SETTINGS_KEY = 'settings';
const VERSION_KEY = 'schemaVersion';

/** Typed settings (P3.1: remembered across runs), validated on read and on every write. */
export class SettingsService {
  readonly onDidChange = new Emitter<Settings>();
  private current: Settings;

  constructor(private readonly store: KeyValueStore) {
    this.current = this.load();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.safeParse({ ...this.current, ...patch });
    if (!next.success) throw new AppError('validation', 'Some settings are not valid.');
    try {
      this.store.set(SETTINGS_KEY, next.data);
    } catch (error) {
      // The store writes a temp file and renames it, so a failed save leaves the old file whole.
      throw storageErrorFor(error) ?? new AppError('storage', 'The settings could not be saved to disk.');
    }
    this.current = next.data;
    this.onDidChange.fire(this.current);
    return this.current;
  }

  private load(): Settings {
    const stored = this.store.get(SETTINGS_KEY);
    const version = Number(this.store.get(VERSION_KEY) ?? (stored ? 1 : CURRENT_SCHEMA_VERSION));
    const raw = stored && typeof stored === 'object' ? migrateSettings(stored as Record<string, unknown>, version) : {};
    // Keep every field that is valid on its own; replace only the broken ones with defaults.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
      if (key in raw && schema.safeParse(raw[key]).success) merged[key] = raw[key];
    }
    const settings = SettingsSchema.parse(merged);
    try {
      this.store.set(SETTINGS_KEY, settings);
      this.store.set(VERSION_KEY, CURRENT_SCHEMA_VERSION);
    } catch {
      // A full or read-only disk must not stop the app: the repaired settings apply for this run.
    }
    return settings;
  }
}
