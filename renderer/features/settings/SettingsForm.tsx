import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FONT_SIZE, LANGUAGES, THEMES, type Settings } from '../../../shared/contract';
import { isBridgeError } from '../../app/bridge';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { DocumentFields } from './DocumentFields';
import { ProxyFields } from './ProxyFields';
import { TrustedSitesField } from './TrustedSitesField';
import { SETTINGS_FORM_FIELDS, SettingsFormSchema, changedSettings, toFormValues, type SettingsFormInput, type SettingsFormOutput } from '../../../shared/settings-form';
import { useUpdateSettings } from './use-settings';

type Props = { settings: Settings; onSaved: (changed: boolean) => void };

const isFormField = (field: string): field is (typeof SETTINGS_FORM_FIELDS)[number] => (SETTINGS_FORM_FIELDS as readonly string[]).includes(field);

export function SettingsForm({ settings, onSaved }: Props) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const form = useForm<SettingsFormInput, unknown, SettingsFormOutput>({
    resolver: zodResolver(SettingsFormSchema),
    defaultValues: toFormValues(settings),
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = form;

  const onSubmit = async (values: SettingsFormOutput) => {
    const patch = changedSettings(values, settings);
    if (Object.keys(patch).length === 0) return onSaved(false);
    try {
      await update.mutateAsync(patch);
      onSaved(true);
    } catch (error) {
      for (const [field, message] of Object.entries(isBridgeError(error) ? (error.fields ?? {}) : {})) {
        const target = field.startsWith('proxy') ? 'proxyMode' : field;
        if (isFormField(field) || target === 'proxyMode') setError(target as keyof SettingsFormInput, { type: 'server', message });
      }
    }
  };

  const range = { min: FONT_SIZE.min, max: FONT_SIZE.max };
  // Client-side messages come from our own translations; server messages are shown as sent.
  const message = (field: 'fontSize' | 'apiUrl') => {
    const error = errors[field];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : t(`settings.errors.${field}`, range);
  };
  const unmatchedServerError = update.isError && !(isBridgeError(update.error) && Object.keys(update.error.fields ?? {}).some(isFormField));

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onSubmit)} aria-label={t('settings.title')}>
      {unmatchedServerError && <ErrorAlert error={update.error} title={t('settings.saveFailed')} />}
      <fieldset className="fieldset">
        <legend>{t('settings.sections.appearance')}</legend>
        <Field id="settings-language" label={t('settings.language')} error={errors.language?.message}>
          {(control) => (
            <select className="input" {...control} {...register('language')}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {LANGUAGE_NAMES[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-theme" label={t('settings.theme')} error={errors.theme?.message}>
          {(control) => (
            <select className="input" {...control} {...register('theme')}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.themes.${theme}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="settings-font-size" label={t('settings.fontSize')} hint={t('settings.fontSizeHint', range)} error={message('fontSize')}>
          {(control) => <input className="input input--narrow" type="number" step={1} {...range} {...control} {...register('fontSize', { valueAsNumber: true })} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('settings.sections.connection')}</legend>
        <Field id="settings-api-url" label={t('settings.apiUrl')} hint={t('settings.apiUrlHint')} error={message('apiUrl')}>
          {(control) => <input className="input" type="url" spellCheck={false} {...control} {...register('apiUrl')} />}
        </Field>
        <ProxyFields form={form} />
      </fieldset>

      <DocumentFields form={form} />

      <fieldset className="fieldset">
        <legend>{t('settings.sections.notifications')}</legend>
        <Field id="settings-notifications" label={t('settings.notifications')} hint={t('settings.notificationsHint')}>
          {(control) => <input className="checkbox" type="checkbox" {...control} {...register('notifications')} />}
        </Field>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('settings.sections.privacy')}</legend>
        <Field id="settings-keyring" label={t('settings.persistTokens')} hint={t('settings.persistTokensHint')}>
          {(control) => <input className="checkbox" type="checkbox" {...control} {...register('persistTokensWithoutKeyring')} />}
        </Field>
        <TrustedSitesField form={form} />
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

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('settings.saving') : t('settings.save')}
        </button>
        <button type="button" className="button" onClick={() => reset()}>
          {t('settings.reset')}
        </button>
      </div>
    </form>
  );
}
