import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FONT_SIZE, LANGUAGES, THEMES, type Settings, type SettingsPatch } from '../../../shared/contract';
import { isBridgeError } from '../../app/bridge';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DocumentFields } from './DocumentFields';
import { ProxyFields } from './ProxyFields';
import { TrustedSitesField } from './TrustedSitesField';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';
import { SETTINGS_FORM_FIELDS, SettingsFormSchema, changedSettings, toFormValues, type SettingsFormInput, type SettingsFormOutput } from '../../../shared/settings-form';
import { useUpdateSettings } from './use-settings';
import { useManagedSettings } from '../service/use-service';

type Props = { settings: Settings; onSaved: (changed: boolean) => void };

const isFormField = (field: string): field is (typeof SETTINGS_FORM_FIELDS)[number] => (SETTINGS_FORM_FIELDS as readonly string[]).includes(field);

/** Seen at once and harmless to try: these apply as they change, the rest when saved. */
type AppearanceField = 'language' | 'theme' | 'fontSize';
const validFontSize = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= FONT_SIZE.min && value <= FONT_SIZE.max;

export function SettingsForm({ settings, onSaved }: Props) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  // Issue 14: what the organisation set or locked is shown disabled, "Set by your organisation", and never sent.
  const managed = useManagedSettings();
  const managedNote = (field: string) => (managed.has(field) ? t('service.managed') : undefined);
  const form = useForm<SettingsFormInput, unknown, SettingsFormOutput>({
    resolver: zodResolver(SettingsFormSchema),
    defaultValues: toFormValues(settings),
  });
  const {
    register,
    handleSubmit,
    reset,
    resetField,
    getValues,
    setError,
    formState: { errors, isDirty },
  } = form;

  // Settings changed elsewhere (a save here, the palette, another window): show them, keeping what is being edited.
  useEffect(() => reset(toFormValues(settings), { keepDirtyValues: true }), [settings, reset]);

  const applyAppearance = async (field: AppearanceField) => {
    const value = getValues(field);
    // A font size is applied once it is a valid one; half-typed numbers wait (and say why on save).
    if (field === 'fontSize' && !validFontSize(value)) return;
    try {
      await update.mutateAsync({ [field]: value } as SettingsPatch);
      resetField(field, { defaultValue: value });
    } catch {
      // update.isError shows the failure above the form.
    }
  };
  const appearance = (field: AppearanceField) => register(field, { ...(field === 'fontSize' ? { valueAsNumber: true } : {}), onChange: () => void applyAppearance(field) });

  /** Saves what differs from the settings in effect; true when nothing is left unsaved. */
  const onSubmit = async (values: SettingsFormOutput): Promise<boolean> => {
    const patch = changedSettings(values, settings, managed);
    if (Object.keys(patch).length === 0) {
      reset(toFormValues(settings));
      onSaved(false);
      return true;
    }
    try {
      reset(toFormValues(await update.mutateAsync(patch)));
      onSaved(true);
      return true;
    } catch (error) {
      for (const [field, message] of Object.entries(isBridgeError(error) ? (error.fields ?? {}) : {})) {
        const target = field.startsWith('proxy') ? 'proxyMode' : field;
        if (isFormField(field) || target === 'proxyMode') setError(target as keyof SettingsFormInput, { type: 'server', message });
      }
      return false;
    }
  };
  const save = () => new Promise<boolean>((resolve) => void handleSubmit(async (values) => resolve(await onSubmit(values)), () => resolve(false))());

  const range = { min: FONT_SIZE.min, max: FONT_SIZE.max };
  // Client-side messages come from our own translations; server messages are shown as sent.
  const message = (field: 'fontSize' | 'apiUrl') => {
    const error = errors[field];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : t(`settings.errors.${field}`, range);
  };
  const unmatchedServerError = update.isError && !(isBridgeError(update.error) && Object.keys(update.error.fields ?? {}).some(isFormField));

  return (
    <form className="form" noValidate onSubmit={(event) => (event.preventDefault(), void save())} aria-label={t('settings.title')}>
      {unmatchedServerError && <ErrorAlert error={update.error} title={t('settings.saveFailed')} />}
      <fieldset className="fieldset">
        <legend>{t('settings.sections.appearance')}</legend>
        <p className="field__hint settings__applied">{t('settings.appliedAtOnce')}</p>
        <Field id="settings-language" managedNote={managedNote('language')} label={t('settings.language')} error={errors.language?.message}>
          {(control) => (
            <select className="input" {...control} {...appearance('language')}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {LANGUAGE_NAMES[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-theme" managedNote={managedNote('theme')} label={t('settings.theme')} error={errors.theme?.message}>
          {(control) => (
            <select className="input" {...control} {...appearance('theme')}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.themes.${theme}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-font-size" managedNote={managedNote('fontSize')} label={t('settings.fontSize')} hint={t('settings.fontSizeHint', range)} error={message('fontSize')}>
          {(control) => <input className="input input--narrow" type="number" step={1} {...range} {...control} {...appearance('fontSize')} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('settings.sections.connection')}</legend>
        <Field id="settings-api-url" managedNote={managedNote('apiUrl')} label={t('settings.apiUrl')} hint={t('settings.apiUrlHint')} error={message('apiUrl')}>
          {(control) => <input className="input" type="url" spellCheck={false} {...control} {...register('apiUrl')} />}
        </Field>
        <ProxyFields form={form} managedNote={managedNote('proxy')} />
      </fieldset>

      <DocumentFields form={form} managedNote={managedNote} />

      <fieldset className="fieldset">
        <legend>{t('settings.sections.notifications')}</legend>
        <Field id="settings-notifications" managedNote={managedNote('notifications')} label={t('settings.notifications')} hint={t('settings.notificationsHint')}>
          {(control) => <input className="checkbox" type="checkbox" {...control} {...register('notifications')} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('settings.sections.privacy')}</legend>
        <Field id="settings-keyring" managedNote={managedNote('persistTokensWithoutKeyring')} label={t('settings.persistTokens')} hint={t('settings.persistTokensHint')}>
          {(control) => <input className="checkbox" type="checkbox" {...control} {...register('persistTokensWithoutKeyring')} />}
        </Field>
        <Field id="settings-local-data-keyring" managedNote={managedNote('keepLocalDataWithoutKeyring')} label={t('settings.keepLocalData')} hint={t('settings.keepLocalDataHint')}>
          {(control) => <input className="checkbox" type="checkbox" {...control} {...register('keepLocalDataWithoutKeyring')} />}
        </Field>
        <TrustedSitesField form={form} managedNote={managedNote('trustedExternalSites')} />
        <div className="field" role="group" aria-labelledby="settings-consents">
          <span className="field__label" id="settings-consents">
            {t('settings.consents')}
          </span>
          <Link to="/privacy" id="settings-consents-link" className="link" aria-describedby="settings-consents-hint">
            {t('settings.consentsLink')}
          </Link>
          <p id="settings-consents-hint" className="field__hint">
            {t('settings.consentsHint')}
          </p>
        </div>
      </fieldset>

      {/* Always in view at the bottom of the window, saying whether anything waits to be saved. */}
      <div className="form__actions settings__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('settings.saving') : t('settings.save')}
        </button>
        <button type="button" className="button" disabled={!isDirty} onClick={() => reset()}>
          {t('settings.reset')}
        </button>
        <span className={isDirty ? 'settings__unsaved settings__unsaved--pending' : 'settings__unsaved'}>{t(isDirty ? 'settings.unsaved.pending' : 'settings.unsaved.none')}</span>
      </div>
      <UnsavedChangesDialog dirty={isDirty} onSave={save} />
    </form>
  );
}
