import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PROXY_MODES } from '../../../shared/contract';
import { Field } from '../../ui/Field';
import type { SettingsFormInput, SettingsFormOutput } from '../../../shared/settings-form';

type Props = { form: UseFormReturn<SettingsFormInput, unknown, SettingsFormOutput>; managedNote?: string | undefined };

/** Proxy mode as a radio group; the PAC URL or the manual server appear only for their mode. */
export function ProxyFields({ form, managedNote }: Props) {
  const { t } = useTranslation();
  const {
    register,
    watch,
    formState: { errors },
  } = form;
  const mode = watch('proxyMode');
  const fieldError = (key: 'pacUrl' | 'proxyServer' | 'proxyBypass', messageKey: string) => {
    const error = errors[key];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : t(`settings.fieldErrors.${messageKey}`);
  };

  return (
    <>
      <fieldset className="fieldset fieldset--inner" id="settings-proxy" tabIndex={-1} aria-describedby="settings-proxy-hint" disabled={Boolean(managedNote)}>
        <legend>{t('settings.proxy.label')}</legend>
        <p id="settings-proxy-hint" className="field__hint">
          {managedNote ?? t('settings.proxy.hint')}
        </p>
        {errors.proxyMode?.message && <p className="field__error">{errors.proxyMode.message}</p>}
        {PROXY_MODES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...register('proxyMode')} />
            {t(`settings.proxy.modes.${value}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'pac' && (
        <Field id="settings-pac-url" managedNote={managedNote} label={t('settings.proxy.pacUrl')} hint={t('settings.proxy.pacUrlHint')} error={fieldError('pacUrl', 'pacUrl')}>
          {(control) => <input className="input" type="url" spellCheck={false} {...control} {...register('pacUrl')} />}
        </Field>
      )}
      {mode === 'manual' && (
        <>
          <Field id="settings-proxy-server" managedNote={managedNote} label={t('settings.proxy.server')} hint={t('settings.proxy.serverHint')} error={fieldError('proxyServer', 'server')}>
            {(control) => <input className="input" spellCheck={false} autoComplete="off" {...control} {...register('proxyServer')} />}
          </Field>
          <Field id="settings-proxy-bypass" managedNote={managedNote} label={t('settings.proxy.bypass')} hint={t('settings.proxy.bypassHint')} error={fieldError('proxyBypass', 'bypass')}>
            {(control) => <input className="input" spellCheck={false} autoComplete="off" {...control} {...register('proxyBypass')} />}
          </Field>
        </>
      )}
    </>
  );
}
