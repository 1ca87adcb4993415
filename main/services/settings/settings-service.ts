import { SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { assertSafeApiUrl } from '../api/api-url-policy';
import { Emitter } from '../emitter';
import { applyPolicy, managedSettings, NO_POLICY, type Policy } from '../policy/policy';
import { storageErrorFor } from '../local-db/sqlite-errors';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS, migrateSettings } from './settings-migrations';

/** The part of electron-store (and of conf, its base, used outside Electron) this service needs. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const SETTINGS_KEY = 'settings';
const VERSION_KEY = 'schemaVersion';

/**
 * Typed settings (P3.1: remembered across runs), validated on read and on every write. Enterprise
 * policy (issue 14) wins over what the user saved, and the settings it sets or locks refuse changes.
 */
export class SettingsService {
  readonly onDidChange = new Emitter<Settings>();
  private current: Settings;

  constructor(
    private readonly store: KeyValueStore,
    private readonly policy: Policy = NO_POLICY,
  ) {
    this.current = this.load();
  }

  /** The settings in effect: the user's, with what the organisation set. */
  get(): Settings {
    return applyPolicy(this.current, this.policy);
  }

  /** As saved by the user, before policy: the start-up reads the saved service address from here. */
  saved(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    const locked = managedSettings(this.policy).filter((key) => key in patch);
    if (locked.length) {
      throw new AppError('forbidden', `Set by your organisation: ${locked.join(', ')}.`, Object.fromEntries(locked.map((key) => [key, 'Set by your organisation.'])));
    }
    // Tokens and personal data go to this address: https only (http only on this computer), checked
    // here and not only in the form, so no caller can save an address the next start cannot use.
    if (patch.apiUrl) {
      try {
        patch = { ...patch, apiUrl: assertSafeApiUrl(patch.apiUrl) };
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The address must use https.';
        throw new AppError('insecure_url', message, { apiUrl: message });
      }
    }
    const next = SettingsSchema.safeParse({ ...this.current, ...patch });
    if (!next.success) throw new AppError('validation', 'Some settings are not valid.');
    try {
      this.store.set(SETTINGS_KEY, next.data);
    } catch (error) {
      // The store writes a temp file and renames it, so a failed save leaves the old file whole.
      throw storageErrorFor(error) ?? new AppError('storage', 'The settings could not be saved to disk.');
    }
    this.current = next.data;
    this.onDidChange.fire(this.get());
    return this.get();
  }

  /** Every setting back to its default ("clear local data"); what the organisation sets still applies on top. */
  reset(defaults: Settings): Settings {
    try {
      this.store.set(SETTINGS_KEY, defaults);
    } catch (error) {
      throw storageErrorFor(error) ?? new AppError('storage', 'The settings could not be saved to disk.');
    }
    this.current = defaults;
    this.onDidChange.fire(this.get());
    return this.get();
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
