import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FONT_SIZE, LANGUAGES, SettingsSchema, THEMES, type Settings, type SettingsPatch } from '../../../shared/contract';
import { isBridgeError } from '../../app/bridge';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { useUpdateSettings } from './use-settings';

// The form edits apiUrl as text, where "" stands for null (the embedded demo API).
const SettingsFormSchema = SettingsSchema.pick({ language: true, theme: true, fontSize: true, persistTokensWithoutKeyring: true }).extend({
  apiUrl: z.union([z.literal(''), SettingsSchema.shape.apiUrl.unwrap()]),
});
type FormInput = z.input<typeof SettingsFormSchema>;
type FormOutput = z.output<typeof SettingsFormSchema>;
const FORM_FIELDS = ['language', 'theme', 'fontSize', 'apiUrl', 'persistTokensWithoutKeyring'] as const;

type Props = { settings: Settings; onSaved: (changed: boolean) => void };

export function SettingsForm({ settings, onSaved }: Props) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(SettingsFormSchema),
    defaultValues: { ...settings, apiUrl: settings.apiUrl ?? '' },
  });

  const onSubmit = async (values: FormOutput) => {
    const next = { ...values, apiUrl: values.apiUrl === '' ? null : values.apiUrl };
    const patch: SettingsPatch = {};
    for (const key of FORM_FIELDS) if (next[key] !== settings[key]) Object.assign(patch, { [key]: next[key] });
    if (Object.keys(patch).length === 0) return onSaved(false);
    try {
      await update.mutateAsync(patch);
      onSaved(true);
    } catch (error) {
      for (const [field, message] of Object.entries(isBridgeError(error) ? (error.fields ?? {}) : {})) {
        if ((FORM_FIELDS as readonly string[]).includes(field)) setError(field as keyof FormInput, { type: 'server', message });
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
  const unmatchedServerError =
    update.isError && !(isBridgeError(update.error) && Object.keys(update.error.fields ?? {}).some((f) => (FORM_FIELDS as readonly string[]).includes(f)));

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onSubmit)}>
      {unmatchedServerError && <ErrorAlert error={update.error} title={t('settings.saveFailed')} />}
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
        {(control) => (
          <input
            className="input input--narrow"
            type="number"
            step={1}
            {...range}
            {...control}
            {...register('fontSize', { valueAsNumber: true })}
          />
        )}
      </Field>
      <Field id="settings-api-url" label={t('settings.apiUrl')} hint={t('settings.apiUrlHint')} error={message('apiUrl')}>
        {(control) => <input className="input" type="url" spellCheck={false} {...control} {...register('apiUrl')} />}
      </Field>
      <Field id="settings-keyring" label={t('settings.persistTokens')} hint={t('settings.persistTokensHint')}>
        {(control) => <input className="checkbox" type="checkbox" {...control} {...register('persistTokensWithoutKeyring')} />}
      </Field>
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
